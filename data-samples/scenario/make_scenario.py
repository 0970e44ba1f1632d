#!/usr/bin/python3
"""Writes the Acme scenario into data-samples/acme/, one folder per input format.

Eight weeks of posts up to SCENARIO_LAST_DAY: Acme Corp's recruitment and marketing messages, the
communities that talk about them (Reddit, Stack Exchange, X/Twitter, Mastodon, blogs and their comments,
a CSV export and a JSON forum export), their opinion makers, a connector who spans subreddits, a
candidate's complaint about an Acme interview that others reply to and share, and themes that rise in
the last week. The texts are hand-written in pool.py; this script casts authors, dates and threads with
a fixed seed, so every run writes the same files. jobs/nightly.conf pins run.date to the day after
SCENARIO_LAST_DAY.

    /usr/bin/python3 data-samples/scenario/make_scenario.py
"""
import datetime as dt
import html
import json
import random
import shutil
from pathlib import Path

from pool import (ACME_COMPLAINT, FOREIGN, HAPPY_CANDIDATE, MARKETING, OTHER_EMPLOYER_COMPLAINTS, POOR_ANSWERS,
                  PRODUCT_COMPLAINTS, RECRUITMENT, SARCASM, THEMES, UNANSWERED)

SCENARIO_LAST_DAY = dt.date(2026, 11, 28)
DAYS = 56
FIRST_DAY = SCENARIO_LAST_DAY - dt.timedelta(days=DAYS - 1)
OUT = Path(__file__).resolve().parent.parent / "acme"
UTC = dt.timezone.utc

rng = random.Random(13)

# Themes whose volume rises in the last week: the Acme Forge launch and the ghosting story.
RISING = {"ai": 5.0, "ghosting": 2.5}
RECENT_DAYS = 7


class Post:
    """One post in a neutral shape; the writers below turn it into each platform's format."""
    counter = 0

    def __init__(self, platform, community, author, when, text, title=None, parent=None, kind="post", score=0,
                 lang="en", theme=None):
        Post.counter += 1
        self.seq = Post.counter
        self.platform, self.community, self.author, self.when = platform, community, author, when
        self.text, self.title, self.parent, self.kind, self.score, self.lang = text, title, parent, kind, score, lang
        self.theme = theme
        self.children = []
        self.id = None
        if parent is not None:
            parent.children.append(self)

    def root(self):
        p = self
        while p.parent is not None:
            p = p.parent
        return p


ALL = []


def post(*args, **kw):
    p = Post(*args, **kw)
    ALL.append(p)
    return p


# ---------------------------------------------------------------------------------------------- time

def at(day_offset, hour=None, minute=None):
    d = FIRST_DAY + dt.timedelta(days=day_offset)
    h = hour if hour is not None else rng.choice([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])
    m = minute if minute is not None else rng.randrange(60)
    return dt.datetime(d.year, d.month, d.day, h, m, rng.randrange(60), tzinfo=UTC)


def on(date, hour, minute=0):
    return dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=UTC)


def day_for(theme):
    """A day offset for a thread on this theme: rising themes weigh their last week more."""
    boost = RISING.get(theme, 1.0)
    weights = [boost if d >= DAYS - RECENT_DAYS else 1.0 for d in range(DAYS)]
    return rng.choices(range(DAYS), weights)[0]


def later(when, lo_minutes, hi_minutes):
    t = when + dt.timedelta(minutes=rng.randint(lo_minutes, hi_minutes))
    end = dt.datetime.combine(SCENARIO_LAST_DAY, dt.time(23, 50), UTC)
    return min(t, end)


# ------------------------------------------------------------------------------------------- texts

SLOTS = {
    "other": ["Globex", "Initech", "a fintech", "a big bank", "a mid-size SaaS company", "a healthtech startup",
              "an agency", "a logistics company"],
    "role": ["backend engineer", "data engineer", "SRE", "frontend developer", "QA engineer", "mobile developer"],
    "city": ["Berlin", "Lisbon", "Manchester", "Austin", "Toronto", "Dublin", "Amsterdam"],
    "tool": ["Acme Forge", "Copilot", "an AI assistant"],
}


def fill(text):
    values = {k: rng.choice(v) for k, v in SLOTS.items()}
    values.update(weeks=rng.randint(2, 6), days=rng.randint(5, 20), rounds=rng.randint(3, 6), n=rng.randint(15, 60))
    return text.format(**values)


OPENERS = ["", "", "", "Agreed. ", "This. ", "Honestly, ", "In my experience, ", "Good question. ", "+1. ",
           "Been there. ", "Counterpoint: ", "Late to this, but "]
CLOSERS = ["", "", "", " Good luck!", " Hope that helps.", " YMMV.", " Just my two cents.", " Hang in there."]
ROOT_CLOSERS = ["", "", " Curious how others handle this.", " Long-time lurker, first post.",
                " Would love to hear from people who've been through it.", " Thoughts welcome."]
THANKS = ["Thanks, that's really helpful.", "Thank you, this is the answer I needed.",
          "Appreciate it, I'll try that this week.", "Good point, hadn't thought of that.",
          "Thanks! Following up tomorrow then.", "That makes me feel less crazy, thanks."]


def reply_text(theme):
    return fill(rng.choice(OPENERS) + rng.choice(THEMES[theme]["replies"]) + rng.choice(CLOSERS)).strip()


def root_text(theme, used):
    """A root (title, body) on the theme; each root is used once per community before any repeats."""
    roots = THEMES[theme]["roots"]
    fresh = [r for r in roots if (theme, r[0]) not in used] or roots
    title, body = rng.choice(fresh)
    used.add((theme, title))
    return title, fill(body) + rng.choice(ROOT_CLOSERS)


# ------------------------------------------------------------------------------------------ threads

class Community:
    def __init__(self, platform, name, members, leaders, themes, threads, reply_range=(1, 4)):
        self.platform, self.name, self.members, self.leaders = platform, name, members, leaders
        self.themes, self.threads, self.reply_range = themes, threads, reply_range
        self.used = set()


def discussion(c, theme, author, when, title, body, replies=None, leader_joins=None, score=None):
    """A thread: a root, its replies, a leader's answer that others pick up, and the author's thanks."""
    is_leader = author in c.leaders
    root = post(c.platform, c.name, author, when, body, title=title, theme=theme,
                score=score if score is not None else (rng.randint(120, 480) if is_leader else rng.randint(2, 60)))
    n = replies if replies is not None else rng.randint(*c.reply_range) + (rng.randint(3, 6) if is_leader else 0)
    others = [m for m in c.members if m != author]
    repliers = rng.sample(others, min(n, len(others)))
    t = when
    for r in repliers:
        t = later(t, 10, 300)
        post(c.platform, c.name, r, t, reply_text(theme), parent=root, kind="reply", theme=theme,
             score=rng.randint(1, 40))
    joins = leader_joins if leader_joins is not None else rng.random() < 0.45
    leaders = [l for l in c.leaders if l != author]
    if joins and leaders:
        leader = rng.choice(leaders)
        lead = post(c.platform, c.name, leader, later(when, 30, 200), reply_text(theme), parent=root, kind="reply",
                    theme=theme, score=rng.randint(40, 160))
        for r in rng.sample(others, min(len(others), rng.randint(1, 3))):
            if r == leader:
                continue
            post(c.platform, c.name, r, later(lead.when, 15, 240),
                 rng.choice(["Exactly this.", "Best answer here.", "Agree with all of this.", "Saving this.",
                             "This is the advice I wish I'd had.", "Thanks, very clear."]) + " " + reply_text(theme),
                 parent=lead, kind="reply", theme=theme, score=rng.randint(1, 30))
    if root.children and rng.random() < 0.5:
        target = rng.choice(root.children)
        if target.author != author:
            post(c.platform, c.name, author, later(target.when, 20, 180), rng.choice(THANKS), parent=target,
                 kind="reply", theme=theme, score=rng.randint(1, 10))
    return root


def community_threads(c):
    themes = list(c.themes)
    weights = [c.themes[t] for t in themes]
    for i in range(c.threads):
        theme = rng.choices(themes, weights)[0]
        author = rng.choice(c.leaders) if rng.random() < 0.18 else rng.choice(c.members)
        title, body = root_text(theme, c.used)
        discussion(c, theme, author, at(day_for(theme)), title, body)


def handles(prefix_words, n, seed_words):
    out = []
    for i in range(n):
        a = seed_words[i % len(seed_words)]
        b = prefix_words[(i * 7 + 3) % len(prefix_words)]
        out.append(f"{a}_{b}" if i % 3 else f"{b}{a}{i}")
    return out


WORDS_A = ["byte", "null", "stack", "queue", "lambda", "pixel", "kernel", "cache", "vector", "delta", "tensor",
           "socket", "patch", "shell", "cron", "hash", "merge", "fork", "commit", "branch"]
WORDS_B = ["dev", "coder", "eng", "builds", "writes", "ops", "hacks", "learns", "ships", "debugs", "tests", "runs"]


# ------------------------------------------------------------------------------------------- reddit

def reddit():
    subs = {
        "cscareerquestions": Community("reddit", "cscareerquestions", handles(WORDS_B, 34, WORDS_A[:12]),
                                       ["staff_eng_marta", "offer_coach_dev"],
                                       {"ghosting": 3, "salary": 3, "remote": 2, "ai": 2, "graduate": 1,
                                        "onboarding": 2, "layoffs": 1}, 26),
        "devops": Community("reddit", "devops", handles(WORDS_B, 26, WORDS_A[8:]),
                            ["pager_duty_pete"], {"oncall": 4, "devex": 3, "ai": 2, "remote": 1}, 18),
        "recruitinghell": Community("reddit", "recruitinghell", handles(["seeker", "applicant", "hopeful", "waiting"],
                                                                        22, ["tired", "sad", "angry", "done", "still"]),
                                    ["resume_roaster"], {"ghosting": 4, "layoffs": 3, "salary": 1}, 14),
        "ExperiencedDevs": Community("reddit", "ExperiencedDevs", handles(["principal", "staff", "lead", "senior"], 18,
                                                                          ["grumpy", "calm", "old", "wise", "tired"]),
                                     ["legacy_lars"], {"ai": 3, "devex": 2, "remote": 2, "oncall": 1}, 12),
    }
    for c in subs.values():
        community_threads(c)

    # The connector: answers in four subreddits, and people in each answer back.
    angel = "riley_bridges"
    angel_lines = {
        "cscareerquestions": ["I moved from support to SRE two years ago. Happy to share what the devops folks told me: learn on-call basics before the interview.",
                              "Cross-posting what worked in r/devops: ask the team about their runbooks and on-call pay in the interview. It tells you a lot about the culture."],
        "devops": ["People in r/cscareerquestions ask about on-call in interviews all the time. Write your rotation down in the job ad, candidates will love you.",
                   "From the hiring side in r/recruitinghell: candidates read 'on-call' as 'unpaid nights'. Say how it's paid."],
        "recruitinghell": ["If it helps: in r/devops a lot of hiring managers say the recruiter is often the last to know. Email the hiring manager directly, politely.",
                           "I've seen this from both sides. Ask for feedback in writing; r/ExperiencedDevs has a good template for the email."],
        "ExperiencedDevs": ["Juniors over in r/cscareerquestions are asking how AI tooling changes interviews. Would be great if some of you answered there.",
                            "Seen the same debate on AI pair programming in r/devops: they require a hand-written test for any generated code."],
    }
    for name, lines in angel_lines.items():
        c = subs[name]
        roots = [p for p in ALL if p.platform == "reddit" and p.community == name and p.parent is None
                 and p.author not in c.leaders]
        for line in lines:
            root = rng.choice(roots)
            r = post("reddit", name, angel, later(root.when, 60, 600), line, parent=root, kind="reply",
                     theme=root.theme, score=rng.randint(3, 9))
            post("reddit", name, root.author, later(r.when, 20, 240), rng.choice(THANKS), parent=r, kind="reply",
                 theme=root.theme, score=rng.randint(1, 6))
            other = rng.choice([m for m in c.members if m != root.author])
            post("reddit", name, other, later(r.when, 30, 300),
                 "Didn't know the other subs talk about this too, thanks for bringing it over.", parent=r,
                 kind="reply", theme=root.theme, score=rng.randint(1, 5))

    # The Acme complaint, in r/cscareerquestions, with replies and the talent team's answer.
    c = subs["cscareerquestions"]
    day = SCENARIO_LAST_DAY - dt.timedelta(days=3)
    complaint = post("reddit", c.name, "final_round_fran", on(day, 8, 40), ACME_COMPLAINT["reddit_body"],
                     title=ACME_COMPLAINT["reddit_title"], theme="ghosting", score=640)
    t = complaint.when
    for line, who in zip(ACME_COMPLAINT["replies"][:7], rng.sample(c.members, 7)):
        t = later(t, 15, 120)
        post("reddit", c.name, who, t, line.replace("@AcmeCareers ", ""), parent=complaint, kind="reply",
             theme="ghosting", score=rng.randint(20, 160))
    marta = post("reddit", c.name, "staff_eng_marta", later(complaint.when, 60, 90),
                 "I hire engineers. Four weeks of silence after a final round is a process failure at Acme, not a "
                 "reflection on you. Send one last email to the hiring manager with a date, then put your energy "
                 "into the next process.", parent=complaint, kind="reply", theme="ghosting", score=410)
    for who in rng.sample(c.members, 3):
        post("reddit", c.name, who, later(marta.when, 20, 200), "Best answer here. " + reply_text("ghosting"),
             parent=marta, kind="reply", theme="ghosting", score=rng.randint(5, 60))
    acme = post("reddit", c.name, "acme_talent", on(day + dt.timedelta(days=1), 10, 5), ACME_COMPLAINT["acme_reply"],
                parent=complaint, kind="reply", theme="ghosting", score=35)
    post("reddit", c.name, "final_round_fran", later(acme.when, 30, 90),
         "Thanks, sent you a DM. First reply from anyone at Acme in four weeks.", parent=acme, kind="reply",
         theme="ghosting", score=120)

    # Hard negatives and stories told once.
    r = subs["recruitinghell"]
    post("reddit", r.name, "globex_reject", at(20), OTHER_EMPLOYER_COMPLAINTS[2], title="Offer rescinded by Globex",
         theme="layoffs", score=220)
    happy = post("reddit", c.name, "signed_in_january", at(DAYS - 5), HAPPY_CANDIDATE[0],
                 title="Acme interview process was actually great", theme="ghosting", score=180)
    for who in rng.sample(c.members, 3):
        post("reddit", c.name, who, later(happy.when, 30, 400), rng.choice(
            ["Congrats! Nice to read a good story here for once.", "Congratulations, enjoy the new job!",
             "Good to hear, I have my Acme final round next week."]), parent=happy, kind="reply", theme="ghosting",
             score=rng.randint(2, 30))
    post("reddit", r.name, "still_waiting_2026", at(DAYS - 4), SARCASM[0], title="Every job ad ever", theme="layoffs",
         score=90)
    # Questions nobody answers.
    for theme, (title, body) in [("ai", UNANSWERED["ai"][1]), ("remote", UNANSWERED["remote"][0]),
                                 ("ghosting", UNANSWERED["ghosting"][0])]:
        post("reddit", c.name, rng.choice(c.members), at(DAYS - rng.randint(2, 20)), body, title=title, theme=theme,
             score=rng.randint(1, 4))
    d = subs["devops"]
    post("reddit", d.name, rng.choice(d.members), at(DAYS - 9), UNANSWERED["oncall"][0][1],
         title=UNANSWERED["oncall"][0][0], theme="oncall", score=2)


def b36(n):
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while n:
        n, r = divmod(n, 36)
        s = chars[r] + s
    return s or "0"


def write_reddit():
    posts = sorted([p for p in ALL if p.platform == "reddit"], key=lambda p: p.when)
    for p in posts:
        p.id = ("q" if p.parent is None else "m") + b36(4_000_000 + p.seq * 37)
    threads_json = {p.root() for p in posts if p.root().community == "ExperiencedDevs"}
    threads_json = set(sorted(threads_json, key=lambda p: p.when)[::4])
    months = {}
    for p in posts:
        root = p.root()
        if root in threads_json:
            continue
        ts = int(p.when.timestamp())
        if p.parent is None:
            rec = {"id": p.id, "name": "t3_" + p.id, "subreddit": p.community, "author": p.author, "title": p.title,
                   "selftext": p.text, "created_utc": ts, "score": p.score, "num_comments": count_desc(p),
                   "permalink": f"/r/{p.community}/comments/{p.id}/", "url": f"https://www.reddit.com/r/{p.community}/comments/{p.id}/",
                   "edited": False}
            kind = "RS"
        else:
            parent = ("t3_" if p.parent.parent is None else "t1_") + p.parent.id
            rec = {"id": p.id, "subreddit": p.community, "author": p.author, "body": p.text, "parent_id": parent,
                   "link_id": "t3_" + root.id, "created_utc": ts, "score": p.score, "edited": False,
                   "permalink": f"/r/{p.community}/comments/{root.id}/_/{p.id}/"}
            kind = "RC"
        months.setdefault(f"{kind}_{p.when:%Y-%m}.ndjson", []).append(rec)
    for name, recs in months.items():
        write_lines(OUT / "reddit" / "pushshift" / name, recs)
    for root in sorted(threads_json, key=lambda p: p.when):
        doc = {"sid": root.id, "link": f"/r/{root.community}/comments/{root.id}/", "title:": root.title,
               "text": root.text, "author": root.author, "created": int(root.when.timestamp()),
               "over_18": False, "upvotes": root.score, "upvote_ratio": 0.93, "comments": nested(root)}
        path = OUT / "reddit" / "threads" / root.community / f"{root.community}-{int(root.when.timestamp())}-{root.id}.json"
        write_json(path, doc)


def nested(p):
    out = {}
    for c in sorted(p.children, key=lambda c: c.when):
        out[c.id] = {"link": f"/r/{c.community}/comments/{c.root().id}/_/{c.id}/", "text": c.text, "author": c.author,
                     "created": int(c.when.timestamp()), "upvotes": c.score, "replies": nested(c)}
    return out


def count_desc(p):
    return sum(1 + count_desc(c) for c in p.children)


# ------------------------------------------------------------------------------------ stack exchange

SE_SITE = "workplace.stackexchange.com"


def stackexchange():
    members = [f"se{i}" for i in range(40)]
    c = Community("stackexchange", SE_SITE, members, ["12", "se_hr_mentor"],
                  {"ghosting": 2, "salary": 2, "remote": 2, "onboarding": 2, "layoffs": 1, "oncall": 1}, 26,
                  reply_range=(1, 3))
    community_threads(c)
    for theme, items in UNANSWERED.items():
        for title, body in items:
            if theme in ("ai", "remote"):
                continue
            post("stackexchange", SE_SITE, rng.choice(members), at(DAYS - rng.randint(1, 24)), body, title=title,
                 theme=theme, score=rng.randint(0, 5))
    # Poorly answered: a dismissive one-liner, voted down, and nothing else.
    for theme in ("salary", "remote", "onboarding", "ghosting"):
        title, body = root_text(theme, c.used)
        q = post("stackexchange", SE_SITE, rng.choice(members), at(DAYS - rng.randint(2, 26)), body, title=title,
                 theme=theme, score=rng.randint(0, 6))
        post("stackexchange", SE_SITE, rng.choice(members), later(q.when, 30, 600), rng.choice(POOR_ANSWERS),
             parent=q, kind="reply", theme=theme, score=-rng.randint(2, 6))


SE_NAMES = {"12": "Priya &#x2665; HR", "7": "Sam Okafor", "se_hr_mentor": "Margaret Chen"}


def se_user_id(author):
    if author in ("12", "7"):
        return author
    if author == "se_hr_mentor":
        return "88"
    return str(3000 + int(author[2:]))


def write_stackexchange():
    posts = sorted([p for p in ALL if p.platform == "stackexchange"], key=lambda p: p.when)
    n_post, n_comment = 2000, 7000
    for p in posts:
        # Replies to the question are answers; replies to an answer are comments.
        if p.parent is None or p.parent.parent is None:
            n_post += 1
            p.id = str(n_post)
        else:
            n_comment += 1
            p.id = str(n_comment)
    rows, comments = [], []
    for p in posts:
        body = html.escape("<p>" + html.escape(p.text, quote=False) + "</p>", quote=True)
        ts = p.when.strftime("%Y-%m-%dT%H:%M:%S.000")
        if p.parent is None:
            answers = [c for c in p.children]
            accepted = max(answers, key=lambda a: a.score) if answers and max(a.score for a in answers) >= 5 else None
            tags = "".join(f"&lt;{t}&gt;" for t in SE_TAGS[p.theme])
            rows.append(f'  <row Id="{p.id}" PostTypeId="1"' + (f' AcceptedAnswerId="{accepted.id}"' if accepted else "")
                        + f' CreationDate="{ts}" Score="{p.score}" ViewCount="{p.score * 37 + 40}" Body="{body}"'
                        f' OwnerUserId="{se_user_id(p.author)}" LastActivityDate="{ts}" Title="{html.escape(p.title)}"'
                        f' Tags="{tags}" AnswerCount="{len(answers)}" CommentCount="0" ContentLicense="CC BY-SA 4.0" />')
        elif p.parent.parent is None:
            rows.append(f'  <row Id="{p.id}" PostTypeId="2" ParentId="{p.parent.id}" CreationDate="{ts}" Score="{p.score}"'
                        f' Body="{body}" OwnerUserId="{se_user_id(p.author)}" LastActivityDate="{ts}"'
                        f' CommentCount="{len(p.children)}" ContentLicense="CC BY-SA 4.0" />')
        else:
            comments.append(f'  <row Id="{p.id}" PostId="{p.parent.id}" Score="{max(0, p.score // 4)}"'
                            f' Text="{html.escape(p.text)}" CreationDate="{ts}" UserId="{se_user_id(p.author)}"'
                            f' ContentLicense="CC BY-SA 4.0" />')
    users = sorted({se_user_id(p.author) for p in posts}, key=int)
    user_rows = []
    for u in users:
        name = SE_NAMES.get(u) or SE_NAMES.get({"88": "se_hr_mentor"}.get(u, ""), None) or f"user{u}"
        rep = {"12": 48211, "7": 1204, "88": 22150}.get(u, 101 + int(u) % 900)
        user_rows.append(f'  <row Id="{u}" Reputation="{rep}" CreationDate="2019-03-02T10:00:00.000"'
                         f' DisplayName="{name}" LastAccessDate="2026-11-28T08:00:00.000" />')
    site = OUT / "stackexchange" / SE_SITE
    write_text(site / "Posts.xml", '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<posts>\n' + "\n".join(rows) + "\n</posts>\n")
    write_text(site / "Comments.xml", '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<comments>\n' + "\n".join(comments)
               + "\n</comments>\n")
    write_text(site / "Users.xml", '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<users>\n' + "\n".join(user_rows)
               + "\n</users>\n")


SE_TAGS = {"ghosting": ["interviewing", "recruitment"], "salary": ["salary", "negotiation"],
           "remote": ["remote-work"], "onboarding": ["onboarding", "new-job"], "layoffs": ["layoff"],
           "oncall": ["on-call", "work-life-balance"], "graduate": ["graduate", "job-search"],
           "devex": ["software-industry"], "ai": ["software-industry"]}


# ------------------------------------------------------------------------------------------ twitter

TW_USERS = {}


def tw_user(handle, name=None, followers=None):
    if handle not in TW_USERS:
        fixed = {"AcmeCareers": "900", "ghosted_dev": "612", "jdoe_codes": "501", "recruit_news": "777"}
        TW_USERS[handle] = {"id": fixed.get(handle, str(3100 + len(TW_USERS))), "username": handle,
                            "name": name or handle.replace("_", " ").title(),
                            "public_metrics": {"followers_count": followers or rng.randint(80, 2500),
                                               "following_count": rng.randint(50, 900)}}
    return TW_USERS[handle]


def twitter():
    members = handles(["hr", "talent", "people", "recruits", "hires", "jobs"], 44,
                      ["ana", "ben", "chloe", "dev", "eli", "fay", "gus", "hana", "ivan", "jo", "kai"])
    tw_user("hr_hannah", "Hannah Brooks · HR", 48_000)
    tw_user("talent_tomas", "Tomás Ruiz", 21_000)
    tw_user("AcmeCareers", "Acme Careers", 58_000)
    tw_user("AcmeCorp", "Acme Corp", 120_000)
    c = Community("twitter", "twitter-hr-search", members, ["hr_hannah", "talent_tomas"],
                  {"ghosting": 2, "remote": 2, "ai": 2, "graduate": 1, "salary": 1}, 30, reply_range=(0, 3))
    for i in range(c.threads):
        theme = rng.choices(list(c.themes), list(c.themes.values()))[0]
        author = rng.choice(c.leaders) if rng.random() < 0.3 else rng.choice(members)
        title, body = root_text(theme, c.used)
        root = discussion(c, theme, author, at(day_for(theme)), None, f"{title}. {body}" if rng.random() < 0.4 else body)
        shares(root, members, 4 if author in c.leaders else 1)
    # Acme's careers account and corporate account.
    for theme, texts in RECRUITMENT.items():
        for text in texts:
            root = discussion(c, theme, "AcmeCareers", at(day_for(theme), 9 + rng.randrange(8)), None,
                              text + " #hiring", replies=rng.randint(0, 3), leader_joins=False,
                              score=rng.randint(30, 200))
            shares(root, members, 2)
    for theme, texts in MARKETING.items():
        for text in texts:
            launch = "Forge" in text and ("available now" in text or "Launch day" in text)
            day = DAYS - 6 if launch else day_for(theme)
            root = discussion(c, theme, "AcmeCorp", at(day, 14), None, text, replies=rng.randint(0, 3),
                              leader_joins=False, score=rng.randint(50, 400))
            shares(root, members, 3)
    # The candidate's complaint, and everyone who picks it up.
    day = SCENARIO_LAST_DAY - dt.timedelta(days=4)
    complaint = post("twitter", c.name, "ghosted_dev", on(day, 9, 12), ACME_COMPLAINT["core"], theme="ghosting",
                     score=870)
    t = complaint.when
    for line, who in zip(ACME_COMPLAINT["replies"], rng.sample(members, len(ACME_COMPLAINT["replies"]))):
        t = later(t, 5, 90)
        post("twitter", c.name, who, t, "@ghosted_dev " + line, parent=complaint, kind="reply", theme="ghosting",
             score=rng.randint(3, 90))
    hannah = post("twitter", c.name, "hr_hannah", on(day, 11, 3), ACME_COMPLAINT["quotes"][0], parent=complaint,
                  kind="quote", theme="ghosting", score=520)
    for who in rng.sample(members, 5):
        post("twitter", c.name, who, later(hannah.when, 10, 300), "@hr_hannah " + reply_text("ghosting"),
             parent=hannah, kind="reply", theme="ghosting", score=rng.randint(2, 40))
    for line, who in zip(ACME_COMPLAINT["quotes"][1:], ["talent_tomas"] + rng.sample(members, 2)):
        post("twitter", c.name, who, later(complaint.when, 60, 900), line, parent=complaint, kind="quote",
             theme="ghosting", score=rng.randint(10, 200))
    for who in ["recruit_news"] + rng.sample(members, 11):
        post("twitter", c.name, who, later(complaint.when, 5, 1500), None, parent=complaint, kind="share",
             theme="ghosting")
    acme = post("twitter", c.name, "AcmeCareers", on(day + dt.timedelta(days=1), 16, 40),
                "@ghosted_dev " + ACME_COMPLAINT["acme_reply"], parent=complaint, kind="reply", theme="ghosting",
                score=40)
    post("twitter", c.name, "ghosted_dev", on(day + dt.timedelta(days=2), 8, 30), ACME_COMPLAINT["followup"],
         theme="ghosting", score=310)
    # Hard negatives: a happy candidate, complaints about other employers, product complaints, sarcasm.
    for text in HAPPY_CANDIDATE[1:]:
        root = post("twitter", c.name, rng.choice(members), at(rng.randint(10, DAYS - 1)), text, theme="ghosting",
                    score=rng.randint(20, 120))
        shares(root, members, 1)
    for text in OTHER_EMPLOYER_COMPLAINTS[:2]:
        post("twitter", c.name, rng.choice(members), at(rng.randint(5, DAYS - 1)), text, theme="ghosting",
             score=rng.randint(5, 80))
    for text in PRODUCT_COMPLAINTS[:2]:
        post("twitter", c.name, rng.choice(members), at(rng.randint(20, DAYS - 1)), text + " @AcmeCorp",
             theme="product", score=rng.randint(5, 60))
    post("twitter", c.name, rng.choice(members), at(DAYS - 10), SARCASM[1], theme="remote", score=44)


def shares(root, members, k):
    for who in rng.sample([m for m in members if m != root.author], rng.randint(0, k)):
        post("twitter", root.community, who, later(root.when, 10, 1200), None, parent=root, kind="share",
             theme=root.theme)


def write_twitter():
    posts = sorted([p for p in ALL if p.platform == "twitter"], key=lambda p: p.when)
    for p in posts:
        p.id = str(1985000000000000000 + int(p.when.timestamp()) * 1000 + p.seq % 1000)
    weeks = {}
    for p in posts:
        u = tw_user(p.author)
        rec = {"id": p.id, "edit_history_tweet_ids": [p.id], "author_id": u["id"],
               "created_at": p.when.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "lang": p.lang,
               "conversation_id": p.root().id if p.kind == "reply" else p.id}
        if p.kind == "share":
            rec["text"] = f"RT @{p.parent.author}: {p.parent.text}"[:280]
            rec["referenced_tweets"] = [{"type": "retweeted", "id": p.parent.id}]
            rec["public_metrics"] = {"retweet_count": 0, "reply_count": 0, "like_count": 0, "quote_count": 0}
        else:
            rec["text"] = p.text
            kids = p.children
            rec["public_metrics"] = {"retweet_count": sum(1 for k in kids if k.kind == "share"),
                                     "reply_count": sum(1 for k in kids if k.kind == "reply"),
                                     "like_count": max(0, p.score),
                                     "quote_count": sum(1 for k in kids if k.kind == "quote")}
            if p.kind == "reply":
                rec["in_reply_to_user_id"] = tw_user(p.parent.author)["id"]
                rec["referenced_tweets"] = [{"type": "replied_to", "id": p.parent.id}]
            elif p.kind == "quote":
                rec["referenced_tweets"] = [{"type": "quoted", "id": p.parent.id}]
        monday = p.when.date() - dt.timedelta(days=p.when.weekday())
        weeks.setdefault(monday, []).append((rec, p))
    for monday, items in sorted(weeks.items()):
        users, seen, refs = [], set(), []
        for rec, p in items:
            for handle in [p.author] + ([p.parent.author] if p.parent is not None else []):
                u = tw_user(handle)
                if u["id"] not in seen:
                    seen.add(u["id"])
                    users.append(u)
            if p.parent is not None and p.kind in ("share", "quote"):
                refs.append({"id": p.parent.id, "author_id": tw_user(p.parent.author)["id"], "text": p.parent.text,
                             "created_at": p.parent.when.strftime("%Y-%m-%dT%H:%M:%S.000Z")})
        data = [rec for rec, _ in sorted(items, key=lambda x: x[1].when, reverse=True)]
        doc = {"data": data, "includes": {"users": users, "tweets": refs},
               "meta": {"result_count": len(data), "newest_id": data[0]["id"], "oldest_id": data[-1]["id"]}}
        write_json(OUT / "twitter" / f"search_acme_hiring_{monday:%Y-%m-%d}.json", doc)


# ----------------------------------------------------------------------------------------- mastodon

M_ACCOUNTS = {}


def m_account(acct):
    if acct not in M_ACCOUNTS:
        user, _, host = acct.partition("@")
        fixed = {"kim_sre@hachyderm.io": "1001", "lee@hachyderm.io": "1002", "recruteuse@mastodon.social": "2001"}
        M_ACCOUNTS[acct] = {"id": fixed.get(acct, str(5000 + len(M_ACCOUNTS))), "username": user,
                            "acct": acct, "display_name": user.replace("_", " ").title(),
                            "url": f"https://{host}/@{user}", "followers_count": rng.randint(40, 1800),
                            "following_count": rng.randint(40, 600), "created_at": "2022-11-01T00:00:00.000Z"}
    return M_ACCOUNTS[acct]


def mastodon():
    hach = [f"{h}@hachyderm.io" for h in handles(["dev", "sre", "eng"], 20, ["ada", "bo", "cy", "dee", "ez", "flo"])]
    foss = [f"{h}@fosstodon.org" for h in handles(["foss", "hacker", "maint"], 14, ["gil", "hux", "ira", "jun"])]
    social = [f"{h}@mastodon.social" for h in handles(["hr", "people", "careers"], 12, ["kat", "lu", "mo", "ned"])]
    m_account("nadia_dx@hachyderm.io")["followers_count"] = 9400
    m_account("kim_sre@hachyderm.io")["followers_count"] = 3400
    m_account("oss_omar@fosstodon.org")["followers_count"] = 6100
    groups = [Community("mastodon", "hachyderm.io", hach, ["nadia_dx@hachyderm.io", "kim_sre@hachyderm.io"],
                        {"ai": 3, "devex": 3, "oncall": 2, "remote": 1}, 22, reply_range=(1, 3)),
              Community("mastodon", "fosstodon.org", foss, ["oss_omar@fosstodon.org"],
                        {"ai": 2, "devex": 2, "remote": 1}, 12, reply_range=(1, 3)),
              Community("mastodon", "mastodon.social", social, ["recruteuse@mastodon.social"],
                        {"ghosting": 2, "remote": 2, "graduate": 1}, 10, reply_range=(1, 3))]
    for g in groups:
        community_threads(g)
    # Lee answers across the three instances; each answers back.
    for g in groups:
        roots = [p for p in ALL if p.platform == "mastodon" and p.community == g.name and p.parent is None]
        for root in rng.sample(roots, 2):
            r = post("mastodon", g.name, "lee@hachyderm.io", later(root.when, 30, 400), reply_text(root.theme),
                     parent=root, kind="reply", theme=root.theme, score=rng.randint(1, 8))
            post("mastodon", g.name, root.author, later(r.when, 20, 200), rng.choice(THANKS), parent=r, kind="reply",
                 theme=root.theme, score=rng.randint(1, 5))
    for theme in ("oncall", "devex", "onboarding", "ai"):
        for text in RECRUITMENT[theme][:1]:
            root = discussion(groups[0], theme, "kim_sre@hachyderm.io", at(day_for(theme), 10), None, text + " #hiring",
                              replies=2, leader_joins=False, score=rng.randint(20, 60))
            boosts(root, hach + social, 3)
    for text in MARKETING["ai"][:2] + MARKETING["devex"][:1]:
        root = post("mastodon", "hachyderm.io", "acme@hachyderm.io", at(DAYS - rng.randint(1, 6) if "Forge" in text
                                                                       else day_for("devex"), 15), text, theme="ai")
        boosts(root, hach, 2)
        for who in rng.sample(hach, 2):
            post("mastodon", "hachyderm.io", who, later(root.when, 20, 400), reply_text("ai"), parent=root,
                 kind="reply", theme="ai", score=rng.randint(1, 10))
    post("mastodon", "hachyderm.io", rng.choice(hach), at(DAYS - 15), PRODUCT_COMPLAINTS[0], theme="product", score=12)
    post("mastodon", "mastodon.social", rng.choice(social), at(DAYS - 2), FOREIGN[1][1], theme="ghosting", lang="fr")
    for theme, (title, body) in [("devex", UNANSWERED["devex"][0])]:
        post("mastodon", "hachyderm.io", rng.choice(hach), at(DAYS - 6), f"{title} {body}", theme=theme, score=3)


def boosts(root, pool, k):
    for who in rng.sample([m for m in pool if m != root.author], rng.randint(1, k)):
        post("mastodon", root.community, who, later(root.when, 10, 900), None, parent=root, kind="share",
             theme=root.theme)


def write_mastodon():
    posts = sorted([p for p in ALL if p.platform == "mastodon"], key=lambda p: p.when)
    for p in posts:
        p.id = str(113400000000000000 + int(p.when.timestamp()) * 10 + p.seq % 10)
    weeks = {}
    for p in posts:
        acc = m_account(p.author)
        status = {"id": p.id, "created_at": p.when.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "in_reply_to_id": None,
                  "in_reply_to_account_id": None, "sensitive": False, "spoiler_text": "", "visibility": "public",
                  "language": p.lang if p.kind != "share" else None,
                  "url": f"{acc['url']}/{p.id}", "replies_count": sum(1 for k in p.children if k.kind == "reply"),
                  "reblogs_count": sum(1 for k in p.children if k.kind == "share"),
                  "favourites_count": max(0, p.score), "edited_at": None, "account": acc, "mentions": [], "tags": [],
                  "reblog": None}
        if p.kind == "share":
            o = p.parent
            status["content"] = ""
            status["reblog"] = {"id": o.id, "created_at": o.when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                                "in_reply_to_id": None, "language": o.lang, "url": f"{m_account(o.author)['url']}/{o.id}",
                                "content": mastodon_html(o.text, []), "account": m_account(o.author), "mentions": [],
                                "tags": [], "reblog": None}
        else:
            mentions = []
            if p.kind == "reply":
                parent_acc = m_account(p.parent.author)
                status["in_reply_to_id"] = p.parent.id
                status["in_reply_to_account_id"] = parent_acc["id"]
                mentions = [parent_acc]
                status["mentions"] = [{"id": a["id"], "username": a["username"], "acct": a["acct"], "url": a["url"]}
                                      for a in mentions]
            if "#hiring" in p.text:
                status["tags"] = [{"name": "hiring", "url": "https://hachyderm.io/tags/hiring"}]
            status["content"] = mastodon_html(p.text, mentions)
        monday = p.when.date() - dt.timedelta(days=p.when.weekday())
        weeks.setdefault(monday, []).append(status)
    for monday, statuses in sorted(weeks.items()):
        write_json(OUT / "mastodon" / f"timeline_{monday:%Y-%m-%d}.json", statuses[::-1])


def mastodon_html(text, mentions):
    prefix = "".join(f'<span class="h-card"><a href="{a["url"]}" class="u-url mention">@<span>{a["username"]}</span></a></span> '
                     for a in mentions)
    body = html.escape(text, quote=True).replace("#hiring", '<a href="https://hachyderm.io/tags/hiring" class="mention hashtag">#<span>hiring</span></a>')
    return f"<p>{prefix}{body}</p>"


# ------------------------------------------------------------------------------------------- feeds

CAREERS = "https://careers.acme.example/blog/"
NEWS = "https://news.acme.example/"
PEOPLEOPS = "https://peopleops.example.org/"


def feeds():
    commenters = ["Alex Morgan", "Priyanka Rao", "Ben Carter", "Lucía Gómez", "Tom Fischer", "Aisha Bello",
                  "Kenji Sato", "Emma Novak", "Omar Haddad", "Sofia Rossi", "Dan O'Neill", "Mei Lin", "Jonas Berg",
                  "Rachel Kim", "Chris Park", "Dana Whitfield", "Riley Quinn"]
    careers = Community("feed", "careers.acme.example", commenters, ["Maria Lopez"], {}, 0)
    articles = [("graduate", "Applications open: the Acme graduate programme 2027", RECRUITMENT["graduate"][0], 36),
                ("graduate", "Inside our assessment centre", RECRUITMENT["graduate"][1], 38),
                ("remote", "Remote-first, four years on", RECRUITMENT["remote"][1], 8),
                ("ai", "How our engineers work with AI assistants", RECRUITMENT["ai"][1], 50),
                ("ai", "AI tooling in our coding interview", RECRUITMENT["ai"][3], 52),
                ("oncall", "Life in Acme SRE: on-call that respects your nights", RECRUITMENT["oncall"][1], 15),
                ("devex", "Join the platform engineering team", RECRUITMENT["devex"][1], 24),
                ("onboarding", "Onboarding at Acme, written by new hires", RECRUITMENT["onboarding"][1], 29)]
    for theme, title, text, day in articles:
        a = post("feed", careers.name, "Maria Lopez", at(day, 9, 0), text, title=title, theme=theme, score=0)
        a.slug = slug(title)
        for who in rng.sample(commenters, rng.randint(1, 4)):
            c = post("feed", careers.name, who, later(a.when, 60, 2000), reply_text(theme), parent=a, kind="reply",
                     theme=theme)
    post("feed", careers.name, "Jordan Price", on(SCENARIO_LAST_DAY - dt.timedelta(days=3), 19, 20),
         ACME_COMPLAINT["blog_comment"], parent=FIXTURE_ARTICLE, kind="reply", theme="ghosting")
    post("feed", careers.name, "Riley Quinn", on(SCENARIO_LAST_DAY - dt.timedelta(days=2), 7, 45),
         "Same story in r/cscareerquestions and on X this week. Maria, a public answer here would help a lot of "
         "candidates who are waiting.", parent=FIXTURE_ARTICLE, kind="reply", theme="ghosting")

    news = [("ai", "Acme Forge is available now", MARKETING["ai"][0], DAYS - 6),
            ("ai", "Acme Forge 2.0: AI code review for every pull request", MARKETING["ai"][1], DAYS - 6),
            ("ai", "Webinar: AI pair programming in practice", MARKETING["ai"][2], DAYS - 3),
            ("remote", "Acme Spaces: one app for hybrid teams", MARKETING["remote"][0], 12),
            ("devex", "Acme Pipelines: faster CI with remote caching", MARKETING["devex"][0], 26),
            ("devex", "Cloud dev environments in Acme Cloud", MARKETING["devex"][1], 40),
            ("product", "A new Acme Cloud plan for small teams", MARKETING["product"][0], 18),
            ("product", "Black Friday at Acme", MARKETING["product"][1], DAYS - 2)]
    for theme, title, text, day in news:
        a = post("feed", "news.acme.example", "Acme Newsroom", at(day, 8, 30), text, title=title, theme=theme)
        a.slug = slug(title)

    dana = Community("feed", "peopleops.example.org", commenters, ["Dana Whitfield"], {}, 0)
    essays = [("ghosting", "Candidate experience is employer brand",
               "Every candidate who never hears back tells five friends. A two-line rejection after a final interview costs a recruiter three minutes. Track time-to-feedback like you track time-to-hire.", 31),
              ("remote", "What we learned from a four-day week trial",
               "Six teams, six months, a four-day week. Output held, sick days fell, and retention improved. The hard part was on-call cover and customer-facing rotas.", 14),
              ("ai", "AI in hiring: where it helps and where it hurts",
               "Recruiters use AI to write job ads and screen CVs. Candidates use AI to write cover letters. Nobody reads either. Structured interviews still predict performance best.", 49),
              ("onboarding", "Onboarding buddies, a year later",
               "A buddy who is not your manager, a written 30-60-90 plan, and a first change shipped in week one. New hires who had all three stayed longer.", 22),
              ("ghosting", "Feedback after interviews: a template",
               "Three sentences: what went well, what would have made the difference, and whether to apply again. Send it within five working days.", DAYS - 2),
              ("ai", "AI tooling and the junior developer pipeline",
               "If AI assistants do the tasks juniors used to learn on, how do we grow seniors? Employers that answer this will win the graduate market.", DAYS - 4)]
    for theme, title, text, day in essays:
        a = post("feed", dana.name, "Dana Whitfield", at(day, 7, 30), text, title=title, theme=theme)
        a.slug = slug(title)
        for who in rng.sample(commenters, rng.randint(2, 6)):
            post("feed", dana.name, who, later(a.when, 60, 3000), reply_text(theme), parent=a, kind="reply",
                 theme=theme)


class FixtureArticle:
    """The careers blog article that data-samples/feed/ already holds; new comments point at it."""
    url = "https://careers.acme.example/blog/interview-process-2027/"
    children = []
    parent = None


FIXTURE_ARTICLE = FixtureArticle()


def slug(title):
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-").replace("--", "-")


def rfc822(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")


def write_feeds():
    posts = sorted([p for p in ALL if p.platform == "feed"], key=lambda p: p.when)
    for site, base, title, desc in [("careers.acme.example", CAREERS, "Acme Careers Blog", "Life at Acme"),
                                    ("news.acme.example", NEWS, "Acme Newsroom", "Product news from Acme")]:
        items = []
        for a in [p for p in posts if p.community == site and p.parent is None]:
            a.url = f"{base}{a.when:%Y/%m}/{a.slug}/"
            cat = "Careers" if site.startswith("careers") else "Product"
            items.append(f"""  <item>
    <title>{html.escape(a.title)}</title>
    <link>{a.url}</link>
    <dc:creator><![CDATA[{a.author}]]></dc:creator>
    <pubDate>{rfc822(a.when)}</pubDate>
    <category><![CDATA[{cat}]]></category>
    <guid isPermaLink="false">{a.url}</guid>
    <description><![CDATA[{a.text[:90]}&#8230;]]></description>
    <content:encoded><![CDATA[<p>{html.escape(a.text, quote=False)}</p>]]></content:encoded>
    <slash:comments>{len(a.children)}</slash:comments>
  </item>""")
        write_text(OUT / "feed" / f"{site}.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
  <title>{title}</title>
  <link>{base}</link>
  <description>{desc}</description>
  <language>en-US</language>
{chr(10).join(items)}
</channel>
</rss>
""")
    # WordPress comment feeds: one per article with comments.
    n = 200
    parents = [p for p in posts if p.community == "careers.acme.example" and p.parent is None and p.children]
    fixture_comments = [p for p in posts if p.parent is FIXTURE_ARTICLE]
    for a, comments in [(a, a.children) for a in parents] + [(FIXTURE_ARTICLE, fixture_comments)]:
        items = []
        for c in sorted(comments, key=lambda c: c.when):
            n += 1
            items.append(f"""  <item>
    <title>By: {html.escape(c.author)}</title>
    <link>{a.url}#comment-{n}</link>
    <dc:creator><![CDATA[{c.author}]]></dc:creator>
    <pubDate>{rfc822(c.when)}</pubDate>
    <guid isPermaLink="false">{a.url}#comment-{n}</guid>
    <content:encoded><![CDATA[<p>{html.escape(c.text, quote=False)}</p>]]></content:encoded>
  </item>""")
        name = a.url.rstrip("/").rsplit("/", 1)[1]
        write_text(OUT / "feed" / "comments" / f"{name}.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Comments on: {html.escape(getattr(a, 'title', None) or 'What our interview process looks like in 2027')}</title>
  <link>{a.url}</link>
{chr(10).join(items)}
</channel>
</rss>
""")
    # The people-ops blog: Atom, comments threaded with thr:in-reply-to.
    entries = []
    for a in [p for p in posts if p.community == "peopleops.example.org"]:
        if a.parent is None:
            a.url = f"{PEOPLEOPS}{a.when:%Y/%m}/{a.slug}"
            entries.append(f"""  <entry>
    <title type="html">{html.escape(a.title)}</title>
    <link rel="alternate" href="{a.url}"/>
    <id>tag:peopleops.example.org,2026:{a.slug}</id>
    <published>{a.when:%Y-%m-%dT%H:%M:%SZ}</published>
    <updated>{a.when:%Y-%m-%dT%H:%M:%SZ}</updated>
    <author><name>{a.author}</name><uri>{PEOPLEOPS}about/dana</uri></author>
    <content type="text">{html.escape(a.text, quote=False)}</content>
  </entry>""")
        else:
            a.url = f"{a.parent.url}#c{a.seq}"
            entries.append(f"""  <entry>
    <title>Re: {html.escape(a.parent.title)}</title>
    <link rel="alternate" href="{a.url}"/>
    <id>tag:peopleops.example.org,2026:{a.parent.slug}:c{a.seq}</id>
    <published>{a.when:%Y-%m-%dT%H:%M:%SZ}</published>
    <updated>{a.when:%Y-%m-%dT%H:%M:%SZ}</updated>
    <author><name>{html.escape(a.author)}</name></author>
    <thr:in-reply-to ref="tag:peopleops.example.org,2026:{a.parent.slug}" href="{a.parent.url}"/>
    <content type="text">{html.escape(a.text, quote=False)}</content>
  </entry>""")
    write_text(OUT / "feed" / "peopleops.example.org.atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en">
  <title>People Ops Notes</title>
  <link rel="alternate" href="{PEOPLEOPS}"/>
  <link rel="self" href="{PEOPLEOPS}feed.atom"/>
  <id>tag:peopleops.example.org,2026:feed</id>
  <updated>{SCENARIO_LAST_DAY}T23:00:00Z</updated>
{chr(10).join(entries)}
</feed>
""")


# --------------------------------------------------------------------------------------------- csv

def csv_export():
    members = handles(["builds", "ships", "codes"], 24, ["mira", "nico", "olek", "paz", "quin", "rosa"])
    c = Community("csv", "devtools-chat", members, ["devtools_dani"], {"product": 3, "ai": 2, "devex": 2}, 22,
                  reply_range=(0, 3))
    community_threads(c)
    for text in MARKETING["ai"][1:] + MARKETING["product"] + MARKETING["devex"][2:]:
        day = DAYS - rng.randint(1, 6) if "Forge" in text or "Black Friday" in text else rng.randint(0, DAYS - 8)
        root = post("csv", c.name, "acmecorp", at(day, 13), text, theme="ai", score=rng.randint(20, 140))
        for who in rng.sample(members, rng.randint(1, 3)):
            post("csv", c.name, who, later(root.when, 10, 600), reply_text("ai" if "Forge" in text else "product"),
                 parent=root, kind="reply", theme="ai", score=rng.randint(0, 20))
    for text in PRODUCT_COMPLAINTS:
        root = post("csv", c.name, rng.choice(members), at(rng.randint(15, DAYS - 1)), text, theme="product",
                    score=rng.randint(10, 90))
        post("csv", c.name, "acmesupport", later(root.when, 30, 300),
             "Sorry about this. Our support team is on it, please DM us your ticket number so we can escalate.",
             parent=root, kind="reply", theme="product", score=3)


def write_csv():
    posts = sorted([p for p in ALL if p.platform == "csv"], key=lambda p: p.when)
    for p in posts:
        p.id = str(1987000000000000000 + int(p.when.timestamp()) * 100 + p.seq % 100)
    lines = ["tweet_id,user,time,channel,likes,in_reply_to,text"]
    for p in posts:
        text = '"' + p.text.replace('"', '""') + '"'
        lines.append(f"{p.id},{p.author},{p.when:%Y-%m-%d %H:%M:%S},{p.community},{max(0, p.score)},"
                     f"{p.parent.id if p.parent else ''},{text}")
    write_text(OUT / "csv" / "devtools_chat_export.csv", "\n".join(lines) + "\n")


# -------------------------------------------------------------------------------------------- json

def forum():
    members = handles(["grad", "student", "intern"], 26, ["amy", "bilal", "cara", "dev", "ella", "finn", "gita"])
    c = Community("forum", "graduate-careers", members, ["careers_adviser_ruth"],
                  {"graduate": 5, "salary": 1, "ghosting": 1, "ai": 1}, 24, reply_range=(1, 3))
    community_threads(c)
    for title, body in UNANSWERED["graduate"] + UNANSWERED["salary"]:
        post("forum", c.name, rng.choice(members), at(DAYS - rng.randint(1, 20)), body, title=title, theme="graduate",
             score=0)
    post("forum", c.name, rng.choice(members), at(DAYS - 8), FOREIGN[2][1], title="Programa de graduados de Acme",
         theme="graduate", lang="es")
    grad = post("forum", c.name, "acme_grad_team", at(36, 10), RECRUITMENT["graduate"][3],
                title="Acme graduate programme 2027: your questions answered", theme="graduate")
    for who in rng.sample(members, 5):
        post("forum", c.name, who, later(grad.when, 30, 2000), reply_text("graduate"), parent=grad, kind="reply",
             theme="graduate")


def write_json_forum():
    posts = sorted([p for p in ALL if p.platform == "forum"], key=lambda p: p.when)
    for i, p in enumerate(posts):
        p.id = f"g-{1000 + i}"
    lines = []
    for p in posts:
        rec = {"id": p.id, "board": p.community, "body": p.text, "ts": int(p.when.timestamp() * 1000),
               "user": {"handle": p.author, "name": p.author.replace("_", " ").title()}}
        if p.title:
            rec["subject"] = p.title
        if p.parent:
            rec["reply_to"] = p.parent.id
        lines.append(rec)
    write_lines(OUT / "json" / "graduate_forum_export.ndjson", lines)


# ---------------------------------------------------------------------------------------- writing

def write_text(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_json(path, doc):
    write_text(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def write_lines(path, recs):
    write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))


def main():
    reddit()
    stackexchange()
    twitter()
    mastodon()
    feeds()
    csv_export()
    forum()
    if OUT.exists():
        shutil.rmtree(OUT)
    write_reddit()
    write_stackexchange()
    write_twitter()
    write_mastodon()
    write_feeds()
    write_csv()
    write_json_forum()
    counts = {}
    for p in ALL:
        counts[p.platform] = counts.get(p.platform, 0) + 1
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"{len(ALL)} posts {dict(sorted(counts.items()))}, {size / 1024:.0f} KiB in {OUT}")


if __name__ == "__main__":
    main()
