"""The hand-written texts of the Acme scenario, by theme. make_scenario.py combines them with the cast.

Slots in braces are filled by make_scenario.py: {weeks}, {days}, {rounds}, {role}, {city}, {other}
(a competitor or an unnamed employer), {n}, {tool}.
"""

# Topic themes: each has opening posts (title, body) and replies. Titles are None on platforms without them.

THEMES = {
    "ghosting": {
        "roots": [
            ("Ghosted after the final round, again", "Did {rounds} rounds at {other}, including a take-home that ate my weekend. The recruiter said I'd hear back by Friday. That was {weeks} weeks ago. Not even a rejection email."),
            ("How long do you wait after a final interview before giving up?", "Final interview was {days} days ago, the hiring manager seemed keen, and now the recruiter has gone silent. Is a second follow-up email too pushy?"),
            ("Recruiter stopped answering after the onsite", "The onsite went well, I met the whole team, and since then nothing. I sent one polite follow-up. Should I chase the hiring manager directly on LinkedIn?"),
            ("No feedback after a 6 hour interview loop", "Six hours of interviews, a system design round and a culture fit chat. Their answer: automated rejection, no feedback. I asked for two lines of feedback and got silence."),
            ("Is ghosting candidates just normal now?", "Three companies this month: two ghosted me after the second interview, one sent a rejection {weeks} weeks later. Is this what the market looks like in 2026?"),
            ("Candidate experience is a mirror of the culture", "If a company cannot send a two-line rejection after a final interview, I assume that is how they treat their own people. Feedback costs nothing."),
        ],
        "replies": [
            "Same happened to me at {other}. {weeks} weeks of silence after the final round and then a form rejection.",
            "Send one follow-up email after a week, then move on mentally. Keep interviewing elsewhere.",
            "Honestly the recruiter is probably waiting on the hiring manager. Silence usually means they are talking to another candidate.",
            "Ghosting after a final interview is unprofessional, full stop. Name and shame.",
            "I'm a recruiter and I hate this. Often the req got frozen and nobody tells us what we are allowed to say.",
            "Ask for feedback in writing. Some will answer, most won't, but at least you tried.",
            "Take-home plus {rounds} rounds and no reply? That's a red flag about how they run teams.",
            "Had the opposite: rejection within two days with detailed feedback. It exists, just rare.",
            "Follow up once with the recruiter and once with the hiring manager, then let it go.",
            "This is why I ask at the start of every process when I should expect to hear back.",
            "The silence is the answer, unfortunately. Sorry, that sucks.",
            "Did they give you a timeline in writing? If so, quote it back politely in your follow-up.",
        ],
    },
    "remote": {
        "roots": [
            ("Return-to-office mandate: three days a week from January", "{other} just announced three office days a week. Half my team lives two hours away. Anyone negotiated staying fully remote?"),
            ("Fully remote vs hybrid for a first job?", "Got two offers, one fully remote and one hybrid with two office days in {city}. For a junior, is the office worth the commute?"),
            ("Async habits that made our remote team work", "Written decisions, recorded demos, no meetings before 10. Our remote team across four time zones got calmer and faster."),
            ("Hybrid is the worst of both worlds?", "I commute an hour to sit on video calls with people who stayed home. What does a good hybrid week look like for you?"),
            ("Remote work and career growth", "My manager says remote engineers get promoted less because they are less visible. Is that true where you work?"),
            ("Four-day week trial results", "Our team has done the four-day week for six months. Same output, fewer sick days, and nobody wants to go back."),
        ],
        "replies": [
            "Fully remote for five years. Write everything down and over-communicate, it works.",
            "Hybrid only works when the whole team picks the same office days.",
            "The commute is the hidden pay cut nobody puts in the offer.",
            "Remote as a junior is hard. You learn so much by overhearing seniors in the office.",
            "We have an async-first rule: if it isn't written down, it wasn't decided.",
            "Return-to-office mandates are layoffs by another name.",
            "I negotiated remote by showing my output for the last year. Worked once, would not bet on it twice.",
            "Time zones matter more than remote vs office. Four hours of overlap is plenty.",
            "The four-day week is the best perk I've ever had. I'd take a lower salary for it.",
            "Visibility is a real thing remotely. Demo your work, write the weekly update nobody asked for.",
            "Our office days are for planning and pairing, the rest is deep work at home.",
        ],
    },
    "ai": {
        "roots": [
            ("AI coding assistants in code review: helping or hurting?", "Half the pull requests on my team now contain generated code. Reviews take longer because nobody fully understands what the assistant wrote."),
            ("Are AI assistants changing what juniors learn?", "Our juniors ship faster with an AI pair programmer but struggle when the suggestion is wrong. How do you mentor in this setup?"),
            ("Interviewing in the age of AI tooling", "Do you allow candidates to use an AI assistant in the coding interview? We are split: it's how they will work, but we can't see how they think."),
            ("LLM tooling for incident write-ups", "We tried an LLM to draft postmortems from the incident channel. The timeline is great, the root cause section is fiction."),
            ("Prompting is a skill now", "Spent the week pairing with an AI assistant on a legacy codebase. Good prompts with context beat clever ones. Tests first, then ask the model."),
            ("Generated tests, real bugs", "Our AI tool writes unit tests that pass and assert nothing. Coverage went up, quality did not."),
        ],
        "replies": [
            "We ban AI-generated code without a test that the author wrote by hand. Reviews got easier.",
            "The assistant is great for boilerplate and awful for anything that needs context.",
            "Juniors should turn the AI assistant off for the first month. Learn to read the stack trace.",
            "In our interviews candidates may use AI tooling, but they have to explain every line.",
            "LLMs made code review the bottleneck. Nobody budgets time for reviewing generated code.",
            "I treat the AI pair programmer like an eager intern: fast, confident, often wrong.",
            "The best use I've found is explaining unfamiliar code, not writing new code.",
            "Developer productivity numbers from AI vendors are marketing. Measure lead time yourself.",
            "Prompt with the failing test and the error, not with a description. Night and day.",
            "Our security team worries about secrets pasted into AI prompts more than about code quality.",
            "Generated code is fine, unreviewed code is the problem. Same as before AI.",
        ],
    },
    "oncall": {
        "roots": [
            ("On-call with no runbooks", "New job, first on-call week, and the runbooks are a wiki page from 2021. Got paged at 3am for an alert nobody could explain."),
            ("How much should on-call pay?", "We get a flat weekly on-call allowance and nothing per incident. What does a fair on-call compensation look like?"),
            ("Alert fatigue is burning out our SRE team", "Two hundred alerts a week, five are actionable. How did you get your pager under control?"),
            ("Blameless postmortems that actually change things", "We write postmortems, file action items, and nobody does them. How do you make follow-ups stick?"),
            ("Incident commander rotation for a small team", "Six engineers, one incident commander per week. Is that too much load on top of the on-call rotation?"),
        ],
        "replies": [
            "Delete every alert that didn't lead to an action in the last month. Be brutal.",
            "Paid on-call per incident changed behaviour fast. Suddenly noisy alerts got fixed.",
            "Runbooks next to the alert definition, not in a wiki. If the alert fires, the link is right there.",
            "Postmortem action items go into the sprint like any other ticket or they never happen.",
            "We cap the rotation at one week in six and nobody gets paged twice in a night without a day off.",
            "Shadow a full on-call week before carrying the pager. Non-negotiable for new hires.",
            "Alert on symptoms users feel, not on CPU graphs.",
            "Incident commander should not be the person debugging. Split the roles, even in a small team.",
            "If your on-call is unpaid, that's a conversation for the next offer negotiation.",
            "Blameless only works if managers actually stay blameless in the room.",
        ],
    },
    "graduate": {
        "roots": [
            ("Graduate programme applications: how many did you send?", "Final-year CS student, sent {n} graduate programme applications, two assessment centres so far. Is that normal?"),
            ("Assessment centre next week, any tips?", "Group exercise, a case study and a presentation. I'm nervous about the group task."),
            ("Internship or graduate scheme first?", "I can do a summer internship at a small company or wait for a graduate scheme at a big employer. Which helps more?"),
            ("Rotations in a graduate programme: worth it?", "Some graduate programmes rotate you through three teams in two years. Does that help or slow down your first promotion?"),
            ("Rejected from every graduate scheme", "Online tests pass, video interviews fail. What are graduate recruiters looking for in those one-way video interviews?"),
        ],
        "replies": [
            "Talk early in the group exercise, listen more, and summarise the ideas at the end.",
            "{n} applications is on the low side honestly. Graduate schemes are a numbers game.",
            "Rotations were the best part of my graduate programme. I found the team I wanted to stay in.",
            "The internship gives you something real to talk about in graduate interviews.",
            "One-way video interviews reward structure: situation, what you did, the result. Practise on your phone.",
            "Assessors care how you treat the quiet person in the group more than how clever your idea is.",
            "Ask current graduates on LinkedIn what the programme is really like. Most are happy to chat.",
            "The case study is about structure. Say your assumptions out loud.",
            "Don't ignore smaller employers. Their graduate intake is tiny but the interview process is kinder.",
        ],
    },
    "salary": {
        "roots": [
            ("Negotiating a first offer: is it risky?", "Got an offer as a {role} in {city}. The salary is at the bottom of the band they posted. Do I risk losing the offer if I negotiate?"),
            ("Counteroffer from my current employer", "Resigned, and my manager came back with a 15% raise. Everyone says never accept a counteroffer. Why?"),
            ("Equity vs salary at a startup", "Startup offers 20% less salary plus equity. How do you value options that might be worth nothing?"),
            ("Salary bands in job ads are too wide", "A range of 80k to 160k for one role tells me nothing. Are pay transparency laws being gamed?"),
            ("Offer was lowballed after the final interview", "The recruiter said the band was 110-130 and the written offer came in at 98. Is that a negotiation tactic?"),
        ],
        "replies": [
            "Always negotiate. A polite counter has never lost anyone a real offer.",
            "Counteroffers fix the money, not the reason you wanted to leave.",
            "Value startup equity at zero and be pleasantly surprised.",
            "Ask what the band is for the level, then ask why you're at the bottom of it.",
            "A 'band' of 80 to 160 is two levels pretending to be one.",
            "If the written offer is below the range they told you, say so in writing and quote their number.",
            "Negotiate the whole package: signing bonus, remote days, learning budget, not just base salary.",
            "Lowballing after the final round is a tactic. Counter with the top of their own band.",
        ],
    },
    "devex": {
        "roots": [
            ("Our CI pipeline takes 45 minutes", "Every pull request waits 45 minutes for CI, flaky tests fail one run in five. How did you make builds fast again?"),
            ("Platform team or just more tickets?", "We created a platform engineering team to improve developer experience. Six months in, they mostly review other teams' tickets."),
            ("Measuring developer experience", "Leadership wants a single number for developer experience. DORA metrics, surveys, build times? What actually works?"),
            ("Local dev environments that don't rot", "Every new hire spends two days getting the dev environment running. Containers, nix, cloud dev boxes? What worked for you?"),
            ("Flaky tests are a culture problem", "We quarantine flaky tests automatically and file a ticket for the owning team. Flakiness went from 8% to under 1%."),
        ],
        "replies": [
            "Cache the dependency downloads and split the test suite. Went from 40 minutes to 9.",
            "A platform team needs product thinking: developers are the customers, talk to them.",
            "Quarantine flaky tests automatically and make the owners fix them within a week.",
            "DORA metrics plus a quarterly developer survey. One number hides everything interesting.",
            "Cloud dev environments fixed onboarding for us: new hires commit on day one.",
            "Build time is the developer experience metric everyone feels. Start there.",
            "If CI takes 45 minutes people batch changes and reviews get worse. It compounds.",
            "Internal tooling deserves the same care as the product. Most companies forget that.",
        ],
    },
    "layoffs": {
        "roots": [
            ("Globex rescinded my offer two weeks before the start date", "Signed, resigned from my old job, and Globex rescinded the offer citing a hiring freeze. No compensation offered. What are my options?"),
            ("Initech layoffs: 12% of engineering", "Initech cut 12% of engineering this morning by email. Access revoked before the all-hands even started."),
            ("Globex's 'we are a family' culture", "Globex told us we're a family and then laid off my whole team over a video call that lasted nine minutes."),
            ("Initech recruiter ghosted me after verbal offer", "Verbal offer from Initech on Monday, written offer 'coming tomorrow', and then the recruiter vanished. Two weeks now."),
            ("Severance negotiation after a layoff", "Laid off from Globex, they offered four weeks. Has anyone negotiated a better severance package?"),
        ],
        "replies": [
            "Get everything about the rescinded offer in writing and talk to an employment lawyer. Some jurisdictions give you a claim.",
            "Initech did the same to a friend last year. Access cut during the meeting.",
            "'We're a family' is always the warning sign.",
            "Sorry, that's brutal. Reach out to your old employer, sometimes they take people back.",
            "Severance is negotiable more often than people think, especially if they want a release signed.",
            "Globex has done three rounds of layoffs in a year. I wouldn't join them right now.",
            "Post it on Glassdoor, people considering Initech deserve to know.",
        ],
    },
    "onboarding": {
        "roots": [
            ("Onboarding at a remote-first company: what I wish I knew", "Ask for an onboarding buddy, write everything down, and over-communicate in the first month."),
            ("No laptop on my first day", "Started a new job Monday. No laptop, no accounts, my manager is on holiday. Is this a sign?"),
            ("What does a good 30-60-90 onboarding plan look like?", "I'm a new engineering manager and our onboarding is 'read the wiki'. Looking for a structure that works for remote new hires."),
            ("First week as a new hire, feeling lost", "Everyone is nice but I have no idea what I'm supposed to work on. How long did it take you to feel useful?"),
        ],
        "replies": [
            "A buddy who isn't your manager is the single best onboarding tool.",
            "A first ticket that ships to production in week one. It changes how people feel about the place.",
            "Feeling lost for three months is normal. Write down questions and ask them in batches.",
            "No laptop on day one says IT is understaffed, not that the company is bad. Give it a month.",
            "30 days learning, 60 days contributing, 90 days owning something small. Write it down with the new hire.",
            "Document the first week as you go, then fix the onboarding docs for the next person.",
        ],
    },
    "product": {
        "roots": [
            ("Acme Cloud billing charged me twice", "Acme Cloud billed my card twice for the annual subscription. Support ticket open for five days, only automated replies."),
            ("Acme Cloud pricing change is a joke", "The new Acme Cloud pricing doubles the cost for small teams. Moving to a cheaper plan somewhere else."),
            ("Acme Forge update broke our builds", "After the latest Acme Forge update our builds fail on every pull request. Rolled back, waiting on a fix."),
            ("Acme Cloud outage this morning?", "Dashboard down, deploys stuck in the queue. Anyone else seeing this? Status page says everything is fine."),
        ],
        "replies": [
            "Same here, billed twice. Disputed it with the bank in the end.",
            "Their support used to be great, lately it's canned replies for days.",
            "Pin the previous version of the extension until they ship a fix.",
            "Status page always says green. Check the community forum instead.",
            "The pricing page says 'from 9 per seat' but every useful feature is in the top plan.",
            "Raise it with your account manager, tickets go nowhere.",
        ],
    },
}

# Acme's recruitment messages: careers account, careers blog, hiring managers. No marketing words.
RECRUITMENT = {
    "ai": [
        "We're hiring engineers for the team behind Acme Forge. Our engineers pair with AI assistants every day and spend the saved time on design and code review. Apply on our careers page.",
        "Life at Acme: how our developers use AI tooling in code review, and where we keep humans in the loop. Join our team, we are hiring across Europe.",
        "Careers at Acme: we're hiring machine learning engineers to work on AI pair programming. Candidates may use an AI assistant in our coding interview, we just ask you to explain the code.",
        "Our interview process now allows AI tooling in the pairing round. We want to see how candidates work with an assistant, not how they memorise algorithms. Apply now.",
    ],
    "remote": [
        "We're hiring fully remote engineers in twelve countries. Async-first, written decisions, no meetings before 10. See open jobs on the Acme careers page.",
        "Working at Acme: remote-first since 2020, a hybrid hub in Lisbon for those who want an office, and a four-day week trial in two teams. We're hiring.",
        "Acme careers: remote jobs for backend, SRE and data engineers. Salary bands are in every job ad.",
    ],
    "oncall": [
        "We're hiring SREs at Acme! Fully remote, paid on-call per incident, runbooks next to every alert, and a rotation of one week in six. Apply on our careers page.",
        "Life at Acme SRE: blameless postmortems, on-call paid properly, and a budget to delete noisy alerts. Join our team.",
    ],
    "graduate": [
        "Applications for the Acme graduate programme 2027 are open! Two years, three team rotations, a mentor and a real project from week one. Apply by 15 December.",
        "Acme graduate programme: what our assessment centre looks like, how long each step takes, and when candidates hear back. Applications close 15 December.",
        "Our graduate programme interns tell you what their first six months at Acme were like. Applications for 2027 are open on our careers page.",
        "Graduate programme FAQ: no cover letter, one online test, one interview with two engineers. Every candidate gets written feedback.",
    ],
    "devex": [
        "We're hiring a platform engineering team at Acme: make CI fast, keep dev environments boring, and treat developer experience as your job. Apply on our careers page.",
        "Life at Acme engineering: new hires commit on day one, CI under ten minutes, and a platform team that talks to the developers it serves. We're hiring.",
    ],
    "onboarding": [
        "How onboarding works at Acme: a buddy, a laptop shipped before day one, and a first change in production in week one. We're hiring.",
        "Our onboarding plan for remote new hires, written by the last twenty people who joined the team. Open jobs on the Acme careers page.",
    ],
    "ghosting": [
        "Our candidate promise: every candidate who interviews with Acme hears back within five working days, with feedback. If we miss it, tell our recruiters.",
    ],
}

# Acme's marketing messages: product launches and promotions. No recruitment words.
MARKETING = {
    "ai": [
        "Acme Forge is available now: an AI pair programmer that reads your tests before it writes code. Start a free trial today.",
        "Launch day! Acme Forge 2.0 brings AI code review suggestions to every pull request. New features for teams, and 30% off the first year.",
        "Acme Forge webinar on Thursday: how AI pair programming cut review time by a third at three customers. Register for the live demo.",
        "New in Acme Forge: explain-this-code for legacy code, test generation that asserts something, and a price for small teams. Upgrade now.",
        "Acme Forge customers ship faster: our AI assistant now understands your whole repository. Free trial, no credit card.",
    ],
    "remote": [
        "Acme Spaces launched today: async video updates and written decisions in one app for remote and hybrid teams. Free trial for 30 days.",
        "Hybrid teams, one app: Acme Spaces plans start at 4 per seat. Black Friday discount: 40% off annual plans this week only.",
    ],
    "devex": [
        "Acme Pipelines release: CI builds up to 3x faster with remote caching. Available now for every Acme Cloud customer.",
        "New feature in Acme Cloud: cloud dev environments that start in 20 seconds. Try the demo.",
        "Acme Cloud update: flaky test detection is now built in. Upgrade your plan to turn it on.",
    ],
    "product": [
        "Acme Cloud pricing update: a new plan for small teams, and every plan now includes support tickets answered within a day.",
        "Black Friday at Acme: 40% off Acme Cloud annual subscriptions until Monday. Use promo code BUILD40 in the store.",
    ],
}

# Acme candidate stories and hard negatives, each written for one author in the cast.
ACME_COMPLAINT = {
    "core": "Final round at Acme on Oct 30: four interviews, a take-home, and 'we'll get back to you by Friday'. It's been almost four weeks. No feedback, no rejection, nothing. @AcmeCareers candidates deserve better. #hiring #candidateexperience",
    "followup": "Update on the Acme interview: I emailed the recruiter and the hiring manager again. Still nothing. Their careers blog promises feedback within 48 hours. I'd settle for a no.",
    "replies": [
        "Same with Acme in September. Final round, then silence for a month. Their recruiters just stop answering.",
        "Wow, and Acme's careers page literally says every candidate hears back within five days.",
        "Sorry this happened. Ghosting after a final interview is the worst part of job hunting.",
        "I had a great Acme interview last year, so this surprises me. Hope someone from their talent team sees this.",
        "Acme did exactly this to me after the take-home. Not even an automated rejection.",
        "@AcmeCareers this is the third story like this I've seen this month. What happened to the candidate promise?",
        "This is why candidates should ask for the feedback timeline in writing.",
        "Four weeks without feedback after four interviews is disrespectful of people's time.",
        "Reposting for visibility. Candidate experience is employer brand.",
        "Did you try messaging the hiring manager on LinkedIn? Sometimes the recruiter left and nobody picked up the pipeline.",
    ],
    "quotes": [
        "This is exactly what I keep telling HR leaders: candidate experience is your employer brand. Acme, answer this one.",
        "A final round with no feedback after four weeks. If you run recruiting, read this thread.",
        "Ghosting candidates after the final interview is a choice. Acme can still fix this one today.",
        "Thread worth reading for every recruiter: what silence after an interview feels like from the other side.",
    ],
    "reddit_title": "Ghosted by Acme after the final round, four weeks and counting",
    "reddit_body": "Four interviews and a take-home at Acme. Recruiter promised an answer by Friday, that was almost four weeks ago. Two follow-up emails, no reply, no rejection. Their careers blog says every candidate hears back within 48 hours. Is there anything else I can do, or do I just move on?",
    "acme_reply": "I'm so sorry, this is not the experience we want for anyone. I've asked the hiring team to get back to you today, and I'll make sure you get written feedback. Could you DM us your name?",
    "blog_comment": "Your interview process post promises feedback within 48 hours. I did my final round at Acme on Oct 30 and I'm still waiting, four weeks later. Who do I contact?",
}

HAPPY_CANDIDATE = [
    "Just signed my offer at Acme! The interview process was the clearest I've had: four steps, a timeline in writing, and feedback after every round. Starting in January 🎉",
    "Honestly the Acme interview was a good experience. The recruiter called me the day after the final round, and the feedback on my take-home was detailed and fair.",
    "Got rejected by Acme but with real feedback: two paragraphs from the hiring manager about my system design round. That's how you treat candidates.",
]

OTHER_EMPLOYER_COMPLAINTS = [
    "Globex interview: five rounds, a take-home, and then they ghosted me. Three weeks, no feedback. Never again.",
    "Initech's recruiter ghosted me after the final interview. Not a word, not even a rejection email.",
    "Globex rescinded my offer by email on a Friday evening. Two weeks before my start date. Hiring freeze, they said.",
]

PRODUCT_COMPLAINTS = [
    "Acme Cloud has been down for an hour and the status page is still green. Deploys stuck, support ticket unanswered. Not great, Acme.",
    "The new Acme Forge update broke code completion in our monorepo. Rolled back, filed a support ticket, waiting.",
    "Acme billed our team twice for the annual Acme Cloud subscription and support only sends canned replies. Disappointed.",
]

SARCASM = [
    "Love how every job ad says 'we're like a family'. Sure, the kind that forgets your birthday and changes the locks.",
    "Oh great, another 'unlimited PTO' policy where nobody takes more than nine days. Very generous.",
]

# Non-English posts: real communities are not all English; the audiences stage reads English only.
FOREIGN = [
    ("de", "Drei Wochen nach dem letzten Vorstellungsgespräch noch keine Antwort. Ist das normal in Deutschland?"),
    ("fr", "Entretien final chez Acme la semaine dernière, toujours pas de retour. Quelqu'un a une expérience similaire ?"),
    ("es", "¿Alguien ha hecho el programa de graduados de Acme? ¿Cómo es el centro de evaluación?"),
]

# Questions that stay unanswered, per theme (title, body).
UNANSWERED = {
    "oncall": [("Is on-call during parental leave legal?", "My employer put me on the on-call rotation two weeks after I came back from parental leave. Is there any rule about this in the UK?")],
    "graduate": [("Does the Acme graduate programme sponsor visas?", "The careers page for the graduate programme doesn't say. Has anyone on the programme needed visa sponsorship?"),
                 ("Can you apply to two graduate schemes at the same employer?", "The application form lets me pick one stream only. Does anyone know if a second application is allowed?")],
    "ai": [("Do employers check whether take-home tests were written with AI?", "Some take-home tasks now say 'no AI assistants'. How would a hiring manager even tell?"),
           ("Should AI tooling experience go on a resume?", "Is 'experienced with AI pair programming tools' something recruiters look for, or does it read as filler?")],
    "remote": [("Tax rules for working remotely from another EU country for three months?", "My employer allows remote work from anywhere for 90 days. Does that create tax problems for me or for them?")],
    "salary": [("How do you compare a salary in Lisbon with one in Berlin?", "Two remote-friendly offers, one contract in Portugal, one in Germany. What should I compare besides the gross salary?")],
    "devex": [("How do you onboard people to a monorepo with 40 services?", "Looking for concrete examples of docs, scripts or tours that helped new engineers find their way.")],
    "ghosting": [("Is it OK to ask a recruiter for the interviewers' names before the final round?", "I want to prepare, but I don't want to look pushy. Is it normal to ask who I'll meet?")],
}

# Answers that do not answer (short, off-topic or dismissive), for the poorly answered questions.
POOR_ANSWERS = [
    "Just quit.",
    "Google it.",
    "Depends.",
    "This has been asked before, search the site.",
    "Why would you even want to work there?",
]
