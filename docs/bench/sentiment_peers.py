"""Linear peers of the social sentiment model, with Debian's scikit-learn, on the splits train-sentiment exports.

Usage: /usr/bin/python3 docs/bench/sentiment_peers.py DIR VADER_LEXICON [--test] [--choose]

DIR holds train.tsv, tune.tsv and eval/<set>.tsv, one 'label<TAB>text' per line (0 negative, 1 neutral,
2 positive). Three peers, all on word (1-2 gram) + character (2-5 gram, within words) TF-IDF with balanced
class weights, fitted on train.tsv only, with scikit-learn's default C = 1 (--choose instead picks C from
GRID by macro-averaged recall on tune.tsv and prints each C's tune figure):
  lr-tfidf        logistic regression
  svm-tfidf       linear SVM
  lr-tfidf-vader  logistic regression plus VADER lexicon features (positive and negative valence sums
                  with a three-word negation scope, counts, the valence of the last sentiment word)
Prints 'chosen<TAB>peer<TAB>C<TAB>tune macro-recall' and, for each eval set (only with --test: the test
set is scored once, after the choices), 'confusion<TAB>peer<TAB>set<TAB>nine counts, gold-major'.
"""
import os
import re
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, recall_score
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import MaxAbsScaler
from sklearn.svm import LinearSVC

URL = re.compile(r'(?:https?://|www\.)\S+')
HANDLE = re.compile(r'@\w+')
WORD = re.compile(r"[a-z']+|[^\sa-z0-9]")
GRID = {'lr-tfidf': (1.0, 3.0, 10.0), 'svm-tfidf': (0.1, 0.3, 1.0), 'lr-tfidf-vader': (1.0, 3.0, 10.0)}
CHOSEN_C = {'lr-tfidf': 1.0, 'svm-tfidf': 1.0, 'lr-tfidf-vader': 1.0}
NEGATORS = {'not', 'no', 'never', "n't", 'nothing', 'nobody', 'none', 'cannot', 'without', 'nor'}


def read(path):
    labels, texts = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            label, text = line.rstrip('\n').split('\t', 1)
            labels.append(int(label))
            texts.append(HANDLE.sub('@user', URL.sub('http', text)))
    return np.array(labels), texts


def vader_features(texts, lexicon):
    rows = []
    for text in texts:
        pos = neg = npos = nneg = last = 0.0
        scope = 0
        for w in WORD.findall(text.lower()):
            if w in NEGATORS or w.endswith("n't"):
                scope = 3
                continue
            v = lexicon.get(w, 0.0)
            if scope > 0:
                v *= -0.74
                scope -= 1
            if not w.isalpha():
                scope = 0
            if v > 0:
                pos, npos, last = pos + v, npos + 1, v
            elif v < 0:
                neg, nneg, last = neg - v, nneg + 1, v
        compound = (pos - neg) / np.sqrt((pos - neg) ** 2 + 15)
        rows.append([pos, neg, npos, nneg, last, compound])
    return csr_matrix(np.array(rows))


def main():
    folder, lexicon_path = sys.argv[1], sys.argv[2]
    final = '--test' in sys.argv
    choose = '--choose' in sys.argv
    lexicon = {}
    with open(lexicon_path, encoding='utf-8') as f:
        for line in f:
            p = line.split('\t')
            if len(p) >= 2:
                lexicon[p[0].lower()] = float(p[1])
    y_train, train = read(os.path.join(folder, 'train.tsv'))
    y_tune, tune = read(os.path.join(folder, 'tune.tsv'))
    evals = {}
    if final:
        for name in sorted(os.listdir(os.path.join(folder, 'eval'))):
            evals[name[:-4]] = read(os.path.join(folder, 'eval', name))
    tfidf = FeatureUnion([
        ('word', TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ('char', TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), min_df=3, sublinear_tf=True)),
    ])
    x_train = tfidf.fit_transform(train)
    x = {'tune': tfidf.transform(tune)}
    for name, (_, texts) in evals.items():
        x[name] = tfidf.transform(texts)
    scaler = MaxAbsScaler().fit(vader_features(train, lexicon))

    def with_vader(m, texts):
        return hstack([m, scaler.transform(vader_features(texts, lexicon))]).tocsr()

    texts = {'tune': tune, **{name: t for name, (_, t) in evals.items()}}

    def logistic(c):
        return LogisticRegression(C=c, class_weight='balanced', max_iter=2000)

    def svm(c):
        return LinearSVC(C=c, class_weight='balanced')

    peers = {
        'lr-tfidf': (logistic, False),
        'svm-tfidf': (svm, False),
        'lr-tfidf-vader': (logistic, True),
    }
    for peer, (make, vader) in peers.items():
        grid = GRID[peer] if choose else (CHOSEN_C[peer],)
        xt = with_vader(x_train, train) if vader else x_train

        def features(name):
            return with_vader(x[name], texts[name]) if vader else x[name]

        best = None
        for c in grid:
            model = make(c).fit(xt, y_train)
            r = recall_score(y_tune, model.predict(features('tune')), average='macro')
            if choose:
                print('tried\t%s\t%g\t%.4f' % (peer, c, r), flush=True)
            if best is None or r > best[1]:
                best = (c, r, model)
        c, r, model = best
        print('chosen\t%s\t%g\t%.4f' % (peer, c, r), flush=True)
        for name, (y, _) in evals.items():
            cm = confusion_matrix(y, model.predict(features(name)), labels=[0, 1, 2])
            print('confusion\t%s\t%s\t%s' % (peer, name, ' '.join(str(int(v)) for v in cm.ravel())), flush=True)


if __name__ == '__main__':
    main()
