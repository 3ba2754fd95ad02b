"""Build `service/reading/words.json` from `concept_words.LEMMAS` (run after editing them).

    python -m service.reading.build_words      # needs simplemma and rapidfuzz

Deterministic: the same simplemma data gives the same file, byte for byte.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from service.reading.concept_words import EXTRA_FORMS, LEMMAS

OUT = Path(__file__).with_name("words.json")


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def main() -> None:
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import cdist
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    out = {"forms": {}, "real": {}}
    for lang, lemmas in LEMMAS.items():
        wanted = {fold(lemma) for lemma in lemmas}
        forms: dict[str, str] = {lemma: lemma for lemma in sorted(wanted)}
        known = set()
        for form, lemma in _load_dictionary_from_disk(lang).items():
            form_f, lemma_f = fold(form.decode()), fold(lemma.decode())
            if not form_f.isalpha():
                continue
            known.add(form_f)
            if lemma_f in wanted and form_f not in forms:
                forms[form_f] = lemma_f
        forms.update((fold(f), fold(lemma)) for f, lemma in EXTRA_FORMS[lang].items())
        # Real words a typo away from a concept form: repair must leave them alone.
        targets = sorted(f for f in forms if len(f) >= 4)
        candidates = sorted(w for w in known - set(forms) if len(w) >= 4)
        dist = cdist(candidates, targets, scorer=Levenshtein.distance, score_cutoff=2, workers=1)
        real = sorted(w for w, row in zip(candidates, dist) if (row <= (1 if len(w) < 8 else 2)).any())
        out["forms"][lang] = dict(sorted(forms.items()))
        out["real"][lang] = real
        print(f"{lang}: {len(forms)} forms of {len(wanted)} lemmas, {len(real)} real words near them")
    OUT.write_text(json.dumps(out, ensure_ascii=True, separators=(",", ":"), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
