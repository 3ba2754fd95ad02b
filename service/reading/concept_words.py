"""The words the crisis and support concepts are built from, by lemma, per language.

`service/reading/build_words.py` expands each lemma here into every inflected form a
dictionary knows (simplemma's English and Spanish data: "burned", "burnt", "burning" ->
"burn"; "corté", "cortando", "cortaría" -> "cortar") and lists the real words that lie
within a typo of one of them, so that spelling repair never rewrites a real word
("bride" stays "bride"; "brigde" becomes "bridge"). The result is `words.json`; the
reader itself needs neither simplemma nor the dictionaries at run time.
"""

LEMMAS = {
    "en": [
        # dying and ending a life
        "die", "dead", "death", "kill", "suicide", "suicidal", "overdose", "hang", "jump", "drown", "shoot",
        "stab", "slit", "cut", "burn", "bleed", "starve", "suffocate", "poison", "swallow", "exist", "live",
        "breathe", "wake", "disappear", "vanish", "end", "finish", "quit", "leave", "go", "sleep", "rest",
        # means and places
        "pill", "tablet", "dose", "medication", "med", "script", "prescription", "bottle", "blade", "razor",
        "knife", "rope", "noose", "belt", "cord", "gun", "pistol", "rifle", "bullet", "track", "train",
        "bridge", "overpass", "roof", "rooftop", "ledge", "edge", "balcony", "platform", "cliff", "river",
        "lake", "quarry", "garage", "highway", "freeway", "fentanyl", "heroin", "benzo", "narcan", "gas",
        # plans, stockpiles and farewells
        "plan", "decide", "want", "wish", "hope", "pray",
        "stockpile", "hoard", "save", "collect", "count", "goodbye", "farewell", "letter",
        "note", "will", "forgive", "sorry", "give", "gift", "rehome", "need", "promise", "ready", "settle",
        # harm to one's own body, and looking up how
        "scratch", "carve", "slice", "slash", "scrape", "google", "search", "research",
        # other people's danger
        "choke", "strangle", "threaten", "hit", "beat", "punch", "push", "hurt", "harm", "attack", "rape",
        # relapse
        "relapse", "use", "drink", "shoot", "slip", "crave", "craving", "trigger", "spiral", "cave",
        # support
        "lonely", "alone", "isolate", "struggle", "cope", "evict", "fire", "lose", "lay", "miss", "grieve",
        "funeral", "hospice", "cry", "panic", "scare", "afraid", "overwhelm", "exhaust", "numb", "hopeless",
    ],
    "es": [
        "morir", "muerto", "muerte", "matar", "suicidar", "suicidio", "suicida", "colgar", "ahorcar", "saltar",
        "tirar", "aventar", "cortar", "quemar", "sangrar", "ahogar", "disparar", "envenenar", "tragar",
        "despertar", "dormir", "desaparecer", "existir", "vivir", "respirar", "acabar", "terminar", "ir",
        "irse", "descansar", "llevar", "tomar", "juntar", "guardar", "acumular", "esconder", "contar",
        "pastilla", "pildora", "dosis", "medicina", "medicamento", "frasco", "cuchilla", "navaja",
        "cuchillo", "cuerda", "soga", "pistola", "arma", "bala", "via", "tren", "puente", "azotea", "techo",
        "balcon", "cornisa", "borde", "orilla", "acantilado", "rio", "canal", "presa", "gas", "veneno",
        "despedir", "adios", "carta", "perdonar", "perdon", "regalar", "dejar", "encargar", "decidir",
        "planear", "listo", "necesitar", "prometer",
        "rasgunar", "aranar", "rascar", "rayar", "volver", "buscar", "googlear", "investigar", "averiguar",
        "golpear", "pegar", "amenazar", "asfixiar", "estrangular", "empujar", "lastimar", "herir", "violar",
        "recaer", "recaida", "consumir", "beber", "tomar", "drogar", "inyectar",
        "solo", "soledad", "aislar", "llorar", "despedir", "desalojar", "correr", "perder", "extranar",
        "funeral", "velorio", "panico", "miedo", "asustar", "agobiar", "agotar", "desesperar",
    ],
}

# Forms the dictionaries miss or give to another lemma, by language (the subjunctive of "morir").
EXTRA_FORMS = {
    "en": {},
    # "bebe" is a baby far more often than "drinks" in a reply ("la ropa del bebe")
    # "regarlo" is to spill it, not "regalarlo" misspelt ("se tomó el tinto sin regarlo"); "me hice cortes"
    # is cutting oneself, though "cortes" is a noun to the dictionary
    "es": {"bebe": "bebe", "regar": "regar", "cortes": "cortar", "muera": "morir", "mueras": "morir",
           "muramos": "morir", "murais": "morir", "muerais": "morir"},
}

