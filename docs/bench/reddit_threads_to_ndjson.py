#!/usr/bin/env python3
"""Flattens Reddit thread files (one JSON document per thread, comments nested under `comments` and
`replies`, as in ../shared/datasets/reddit-academia) into one Pushshift-style NDJSON file: a submission
line (id, title, selftext, author, created_utc, score, subreddit, permalink) per thread and a comment line
(id, body, parent_id, link_id, author, created_utc, score, subreddit) per comment, so that the same posts
can be ingested as thread files and as one file (docs/benchmarks.md, "Against plain Spark").

    python3 docs/bench/reddit_threads_to_ndjson.py THREAD_FOLDER OUT.ndjson
"""
import json
import os
import sys


def main(folder, out_path):
    threads = comments = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                t = json.load(f)
            sid = t["sid"]
            sub = t["link"].split("/")[2] if t.get("link", "").startswith("/r/") else os.path.basename(folder)
            out.write(json.dumps({"id": sid, "title": t.get("title:", t.get("title")), "selftext": t.get("text"),
                                  "author": t.get("author"), "created_utc": t.get("created"),
                                  "score": t.get("upvotes"), "subreddit": sub, "permalink": t.get("link")},
                                 ensure_ascii=False) + "\n")
            threads += 1
            stack = [("t3_" + sid, cid, c) for cid, c in (t.get("comments") or {}).items()]
            while stack:
                parent, cid, c = stack.pop()
                out.write(json.dumps({"id": cid, "body": c.get("text"), "parent_id": parent,
                                      "link_id": "t3_" + sid, "author": c.get("author"),
                                      "created_utc": c.get("created"), "score": c.get("upvotes"),
                                      "subreddit": sub}, ensure_ascii=False) + "\n")
                comments += 1
                stack.extend(("t1_" + cid, rid, r) for rid, r in (c.get("replies") or {}).items())
    print(f"{threads} threads, {comments} comments, {threads + comments} lines written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
