"""Word lists and patterns that `service.reading` uses to read a member's check-in reply.

Everything here is data: English and Spanish mood words, emoji, the phrases that
raise a crisis or wants-support alert, and the idioms that must not. Patterns are
matched against the *normalised* reply built by `service.reading.text`:

* lower case, accents removed ("más" == "mas", "daño" == "dano"), because members
  type without them as often as with them;
* common typos and apostrophe-less contractions repaired ("dont" -> "don't");
* exactly one space between tokens, punctuation included: "not great , tbh".

So a pattern is written in that form, without accents, and `<NAME>` pulls in one of
the MACROS below. Keep entries general (a kind of phrase, not one member's line):
the labelled set in tests/data/replies.csv measures them, it does not define them.
"""

# --- Shared pattern pieces -------------------------------------------------------

MACROS = {
    "MYSELF": r"(?:myself|my self|meself)",
    # a Spanish gerund ("trabajando", "corriendo"), not a word that merely ends like one ("cuando"), nor
    # one that says when ("me voy a matar saliendo del turno", "llegando a casa")
    "GERUND": r"(?!(?:cuando|mando|ando|comando|bando|blando|saliendo|llegando|volviendo|regresando)\b)"
              r"\S+(?:ando|iendo)",
    "DONT": r"(?:don't|do not)",
    "CANT": r"(?:can't|cannot|can not|couldn't|could not)",
    "IM": r"(?:i'm|i am)",
    "ANYMORE": r"(?:any ?more|any longer)",
    # a word that is no medicine, and no medicine in the next few words: an overdose of cake is no overdose
    "NONMED": r"(?:(?!(?:<PILLS>|<DRUGS>)\b)\S+ )",
    "NOMEDSNEXT": r"(?!(?: [^\s.!?]+){0,6}? (?:<PILLS>|<DRUGS>)\b)",
    # why a text is the last one tonight: "that's my last text cuz i'm heading to bed"
    "BEDTIME": r"(?:bc|b/c|because|cause|cuz|cos) (?:i'?m|im|i am) (?:going|heading|off) (?:to bed|to sleep)",
    # up to n words that stay inside one sentence
    "W2": r"(?:[^\s.!?]+ ){0,2}", "W4": r"(?:[^\s.!?]+ ){0,4}?",
    # wanting, intending or planning ...
    "DESIRE": r"(?:want|wants|wanted|wanna|want 2|wish|wishing|hope|hoping|ready|plan|planning|planned|feel like"
    r"|going|gonna|(?:thinking|think|thought) (?:about|of)|should|rather|tempted|urge|urges|decided|deserve|need|i'll"
    r"|quiero|quisiera|queria|ojala|ganas|pienso|pensando|voy|deberia|prefiero|preferiria|necesito)",
    # places and means people name when they think of ending their life
    "METHOD": r"(?:pills|tablets|overdos\w*|(?:the |a )?bridge|(?:the )?trains?|train line|railway|tracks|(?:the )?rope"
    r"|noose|cliffs?|(?:the )?roof|ledge|(?:a |the |my )?gun|knife|blades?|razors?|jumping|hanging|cutting|drowning"
    r"|el puente|las vias|el tren|la cuerda|las pastillas|la azotea|tirarme|colgarme|cortarme)",
    # ... followed by dying, ending it or vanishing
    "DEATH": r"(?:die|dying|kill <MYSELF>|kill me|suicide|end it(?: all)?|end things|end my life|end everything"
    r"|not wake up|never wake up|disappear|stop existing|not exist|not be here|not be alive|be dead"
    r"|overdose|death|muerte|morir\w*|matarme|suicidarme|desaparecer|no despertar(?:me)?|no existir|estar muert[oa]"
    r"|irme de este mundo|dejar este mundo|leave this world|stop living|dejar de existir|dejar de vivir"
    r"|terminar con todo|acabar con todo|acabar con mi vida|quitarme la vida)",
    "PILLS": r"(?:pills?|tablets?|meds|medication|medicine|capsules?|pastillas?|pildoras?|las de (?:dormir|la ansiedad"
    r"|los nervios)"
    r"|comprimidos?|medicamentos?|medicinas?)",
    # Crisis Text Line found named painkillers and sedatives predict risk better than
    # the word "suicide"; these alert on their own unless a symptom explains them.
    "DRUGS": r"(?:tylenol|paracetamol(?:es)?|acetaminophen|panadol|ibuprofen(?:o|os)?|advil"
    r"|nurofen|aspirin(?:a|as)?|co-codamol|codeine|codeina|tramadol|oxy|oxys|oxycodone"
    r"|oxycontin|tabs|morphine|morfina|fentanyl|fentanilo|xanax|valium|diazepam|alprazolam"
    r"|lorazepam|clonazepam|rivotril|tafil|zopiclone|zolpidem|ambien|sleeping (?:pills|tablets)"
    r"|pastillas para dormir|somniferos?|antidepressants|antidepresivos|insulina?|lithium|litio"
    r"|amitriptyline|sertraline|sertralina|quetiapine|quetiapina)",
    # An amount that turns ordinary talk of medication into method talk.
    # games one is killed in, beaten at or dies in
    "GAMES": r"(?:fortnite|fortnai|free fire|call of duty|cod|warzone|valorant|apex|halo|minecraft|mortal kombat|smash"
    r"|mario ?kart"
    r"|fifa|madden|overwatch|roblox|dominoes|dominos|domino|chess|ajedrez|cards|cartas|uno|monopoly|scrabble|checkers"
    r"|damas|parchis|loteria|poker|pool|billar|ping pong|videojuegos?|video ?games?|the game|el juego|la play|ps5|xbox"
    r"|nintendo|pickleball|bingo|canasta|rummy|cribbage|spades|dominoe?s? night)",
    "QTY": r"(?:[5-9]|[1-9]\d+|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred"
    r"|cinco|seis|siete|ocho|nueve|diez|veinte|treinta|cuarenta|cincuenta|cien|all|whole"
    r"|every|handfuls?|bunch|lots|lot|loads?|box|boxes|bottles?|packets?|packs?|strips?"
    r"|too many|enough|extra|stash|entire|full|heaps|monton|un monton de|punado|un puno|(?:a )?months? worth"
    r"|(?:a )?weeks? worth|todas|todos|muchas|muchos|caja|cajas|frasco|bote|blister"
    r"|suficientes)",
}

# --- Crisis ------------------------------------------------------------------------
# (reason label shown to the coordinator, CONTEXT_VETO list that can cancel it or None, patterns)
# Recall comes first: a false alert costs a coordinator a minute, a missed one can
# cost a life. Crisis language is flagged even when negated ("I'm not going to kill
# myself") -- whether that is reassurance is the coordinator's call, not ours.

CRISIS = [
    ("talk of ending their life", None, [
        r"kill(?:ing)? <MYSELF>", r"kms", r"suicid\w*",
        r"end(?:ing)? (?:it all|my life|my own life|it|things|everything)"
        r"(?! (?:with|for (?:the|a|now|today)|here|there|at|early|off|on))",
        r"tak(?:e|ing) my (?:own )?life", r"commit suicide", r"unaliv\w*", r"off(?:ing)? <MYSELF>",
        r"self[- ]?delete", r"sewerslide",
        r"<DESIRE> <W4><DEATH>\b(?! (?:than|of|from|laughing|for|if i (?:have|had) to|unos dias|un (?:rato|tiempo"
        r"|ratito)"
        r"|de (?:facebook|instagram|insta|las redes|redes|whatsapp|internet|tiktok)))",
        r"(?:ways?|how|methods?|best way|easiest way|painless way|quickest way|formas?|maneras?|como) (?:to |de )?"
        r"(?:die|kill <MYSELF>|end it|end my life|commit suicide|overdose|morir|matarme|suicidarme|quitarme la vida)",
        r"(?:hope|hoping|pray|praying) (?:that )?(?:i|to) (?:don't |do not |never )?(?:die|wake up)",
        r"life (?:isn't|is not|ain't|not) worth (?:it|living)", r"(?:la vida|vivir) no (?:vale|merece) la pena",
        r"no (?:vale|merece) la pena (?:vivir|seguir)",
        r"(?:no way|only way|no escape|the only way) out", r"no (?:hay|le veo|veo|tengo) (?:ninguna )?salida",
        r"la unica salida", r"(?:can't|cannot|don't) see (?:a|any) future", r"no future for me",
        r"(?:can't|cannot|don't) see (?:a|any) way out", r"(?:don't|can't|cannot) see myself (?:being )?(?:here|alive"
        r"|around)",
        r"(?:won't|will not|not going to|don't think i'll|don't think i will|<CANT>) make it (?:through )?(?:the night"
        r"|tonight|till morning|until morning|to tomorrow|through the week|to the weekend)",
        r"no quiero estar (?:aqui|en este mundo|viv[oa])", r"(?:irme|marcharme|salir) de este mundo",
        r"no quiero ver (?:el dia de )?manana", r"(?:don't|dont|do not) want to see tomorrow",
        r"worth more dead", r"valgo mas muert[oa]", r"prefiero acabar(?:lo)? yo",
        r"(?:cansad[oa]|hart[oa]|tired|sick|me canse|cansar) (?:de que|of) (?:amanezca|waking up|despertar)",
        # a burden lifted by one's absence: "they'd be better off w/o me", "sin mí se les arregla la vida"
        r"(?:better off|happier|mejor|mas tranquil[oa]s?|easier|se les arregla la vida|le iria mejor|les iria mejor)"
        r" (?:\S+ ){0,4}?(?:without me|w/o me|w / o me|sin mi)\b",
        r"(?:without me|w/o me|w / o me|sin mi) (?:\S+ ){0,4}?(?:better off|happier|mejor|mas tranquil[oa]s?"
        r"|se (?:les |le )?arregla|saldrian? adelante)",
        r"(?:picturing|imagining|imagine|pictured|imagino|imaginando|imaginandome|imaginarme|me imagino) (?:my"
        r"|mi) (?:own |propio )?(?:funeral"
        r"|entierro|velorio|death|muerte)",
        r"(?:nearly|almost|casi) (?:did it|lo hice|lo hago|went through with it)(?! (?:!|again|in|on|at|en))",
        r"(?:no hope left|lost all hope|there's no hope|no hope for me)", r"(?:sin|no tengo|perdi la) esperanza",
        r"give up on (?:life|living|everything|myself)", r"rendirme (?:con|de) (?:la vida|todo)",
        r"(?:tired|sick) of (?:fighting|trying|struggling|the pain|being in pain|it all)(?! (?:with|about|over))",
        r"<IM> (?:\S+ )?ready to go\b(?! (?:to|out|home|back|for|on|shopping|and|now|again|!))",
        r"(?:going to|gonna|i'll|i will) do it (?:tonight|today|now|soon|this time)", r"doing it tonight",
        r"tonight'?s the night", r"(?:decided|made up my mind) to (?:die|end|go through with|do it)",
        r"go through with it", r"(?:i have|i've got|i got|made|making) a plan\b(?! (?:for|to (?:go|see|visit|meet"
        r"|get)))",
        r"not (?:be )?(?:alive|here|around) (?:by|for much longer|much longer|tomorrow|next week)",
        r"(?:won't|will not|not going to|wont) be (?:a |an )?(?:problem|burden|bother|trouble|issue) (?:\S+ ){0,3}"
        r"(?:longer|anymore|any more|soon)",
        r"(?:nobody|no one|noone|no-one|nadie) (?:would|will|'d|even) (?:even )?(?:miss me|notice|care)",
        r"waste of (?:space|oxygen|air|life)", r"(?:everyone|everybody|they|my family|people) (?:would|'d|will) be"
        r" (?:so )?(?:relieved|happier|better off|glad)\b(?! (?:to|for|that|about))",
        r"nadie me (?:va a |iba a )?(?:echar|echaria|echara|extranar|extranaria|extranara)(?: de menos| en falta)?",
        r"if i (?:died|didn't exist|did not exist|wasn't alive|was dead|were dead|disappeared|killed myself)",
        r"(?:want|wanna|wish i could|just want to) (?:\S+ )?sleep forever",
        r"no (?:puedo|quiero|aguanto) seguir(?: asi| viviendo| adelante)?\b(?! (?:con|en|trabajando|haciendo))",
        r"(?:quiero|necesito|ojala) que (?:todo|esto) (?:termine|acabe|se acabe|pare|se termine)",
        r"(?:cansad[oa]|hart[oa]|tired) de (?:vivir|la vida|existir|luchar)",
        r"nothing (?:left )?(?:keeping me|to keep me)(?! (?:from|busy|awake|up|going to))",
        r"(?:ya )?nada (?:que )?me (?:retenga|retiene|ate|ata|detenga|detiene)(?! (?:en (?:el|la) (?:cama|casa)))",
        r"(?:one of the|another one of the|be one of the) 22\b", r"22 a day",
        r"(?:at least|por lo menos|al menos) (?:\S+ ){0,3}(?:would|will|'d|could) (?:get"
        r"|have) (?:the )?(?:life )?insurance",
        r"(?:ya|manana) (?:\S+ )?no (?:soy|sere|voy a ser) (?:un |una )?(?:problema|carga|estorbo|molestia)",
        r"(?:ya )?no (?:voy a estar|estare)\b(?! (?:en|de|a las|para la reunion|el|la))",
        r"want(?:ed)? to be dead",
        r"wish (?:i|i'd) (?:was|were|had) (?:dead|died|never been born|not been born)",
        r"wish i (?:wasn't|was not|weren't|were not) (?:alive|here|born|around)",
        r"(?:<DONT>|never|no longer) (?:\S+ )?want to (?:live|be alive|be here|exist|wake up"
        r"|be around|carry on|keep going|keep living)(?! (?:in|with|there|near|at|on|by|like that|for the))",
        r"(?:no|nothing to|nothing left to|no reason to|nothing worth) (?:live|living) for",
        r"no reason to (?:live|go on|keep going|be here|stay alive|carry on|wake up)",
        r"(?:no|not any|there's no|there is no|theres no) point (?:in |of )?(?:living|life|going on"
        r"|being alive|being here|anything|any of it|anymore|any more|trying anymore|carrying on)",
        r"(?:<DONT>|can't|cannot) see (?:the|any) point (?:anymore|any more|in (?:living|life|anything"
        r"|going on)|of (?:living|life|anything))",
        r"what's the point (?:anymore|any more|of (?:living|life|anything|it all|going on)"
        r"|in (?:living|anything|going on))",
        r"life (?:is|feels) (?:\S+ )?(?:pointless|meaningless|not worth living)", r"not worth living",
        r"better off (?:dead|without me|if i (?:was|were|wasn't|weren't|died))",
        r"be better (?:off )?without me", r"better without me",
        r"<IM> (?:just |such |only )?(?:a |such a )?burden",
        r"burden (?:to|on|for) (?:\S+ )?(?:everyone|everybody|family|them|mom|mum|dad|my \S+|the kids)",
        r"(?:fine|better|easier|happier) (?:\S+ )?(?:without|w out|w/o|w/out) me\b",
        r"(?:world|everyone|everybody|they|they'?d|family|crew|team|kids|people|life) (?:\S+ ){0,3}?(?:faster|lighter)"
        r" (?:\S+ )?(?:without|w/o) me\b",
        r"outlived (?:my|our) (?:usefulness|purpose|welcome)",
        # survivor's guilt as a wish to have died instead: "should've been me in that fire, not him"
        r"(?:it )?should(?:'ve| have| of|ve) been me\b(?! (?:lol|lmao|haha|jk|who|that|getting|gettin|on|up there"
        r"|promot\w*|picked|chosen|winning|with|instead of (?:him|her|them) (?:on|at|getting))\b)",
        r"(?:debi|deberia|debio|tendria que|tenia que) (?:de )?haber sido yo\b",
        r"(?:nada|na'?) por (?:lo )?(?:que|cual) (?:luchar|vivir|seguir)\b(?! (?!viviendo)\S+(?:ando|iendo)\b)",
        # envy of the dead
        r"(?<!\bde )(?:the|that|el|la|los|las|ese|esa) (?:muert[oa]s?|difunt[oa]s?|dead (?:guy|man|woman|body|people)"
        r"|deceased) (?:\S+ ){0,8}?(?:me (?:dio|da|daba)|i (?:felt|was|am)|made me) (?:\S+ )?(?:envidia|envious"
        r"|jealous)",
        # a method settled: "ya sé cómo me voy a ir"
        r"ya se como (?:lo voy a hacer|me voy a matar)\b(?! (?:a|al|en|de|para|pa|con)\b)",
        r"ya se como me voy a ir(?= [.!]|$)",
        r"(?:estoy|estar) de mas|sobro en (?:este mundo|esta vida)",
        r"(?:don't|dont|do not) think (?:i'll|ill|i will|i'm gonna|im gonna) (?:last|make it)\b",
        r"(?:go|going|be|ready to go) home to (?:jesus|god|the lord|heaven)",
        r"(?:figured out|worked out|know|decided) (?:how|when|where) (?:i'm|im|i am|i'll|ill|i will)"
        r" (?:gonna |going to )?(?:do it|end it)\b",
        r"(?:notice|care|miss me) if i (?:was|were|wasn't|weren't|died|disappeared)",
        r"if i (?:was|were|wasn't|weren't) (?:gone|around|here|alive|dead)\b",
        r"(?:when|if|once|after) <IM> gone", r"(?:when|once|after) i die",
        r"<CANT> (?:do this|do it|take it|take this|handle it|handle this|cope|live like this"
        r"|keep doing this) <ANYMORE>",
        r"<CANT> (?:keep going|carry on|keep living|take (?:much|any) more|live like this)",
        r"<CANT> go on(?! (?:holiday|a |the |with|to|at|this|that|about|and|my|our|tv))",
        r"(?:had|have had|i've had) enough of (?:life|living|everything|it all|this life|being alive)",
        r"<IM> done with (?:life|living|everything|it all|this life|being alive)",
        r"(?:tired|sick) of (?:living|life|being alive|existing|being here)",
        r"(?:sleep|go to sleep|fall asleep|sleeping) and (?:never|not) (?:wake|waking) up",
        r"(?:never|not) (?:wake|waking) up (?:again|ever)", r"<DONT> want to wake up",
        r"(?:want to|wanna|wish i could|just want to) (?:just )?(?:disappear|vanish|stop existing)",
        r"(?:disappear|vanish) (?:forever|for good|for ever)", r"stop existing",
        r"(?:want|need|wish|make) (?:it|everything|it all|the pain|this|all of it|all this|things)"
        r" (?:all )?(?:to )?(?:stop|end)\b(?! (?:raining|snowing|talking|calling|texting|ringing))",
        r"(?:have|made|got|making) a plan to (?:end|kill|die|take)",
        r"(?:plan|planning|planned) (?:to|on) (?:end|ending|kill|killing|take|taking) (?:it|my|myself|things)",
        # Spanish
        r"(?:quiero|quisiera|me quiero|me gustaria|deseo|ganas de|voy a|me voy a|prefiero) (?:\S+ )?morir(?:me)?",
        r"ojala (?:estuviera muert[oa]|estar muert[oa]|me muriera|me muera|no despertar|no despertara"
        r"|no haber nacido|muriera|no existiera|desaparecer)",
        r"no (?:\S+ )?(?:quiero|tengo ganas de) (?:seguir viviendo|vivir|seguir aqui|estar aqui|existir"
        r"|despertar(?:me)?|seguir)(?! (?:con|en|trabajando|haciendo|pagando|esperando|ahi|alli|aqui en|asi con))",
        r"me (?:quiero|voy a|pienso|puedo) matar",
        r"(?:intente|intento|trate de|quise|iba a|voy a|quiero) (?:colgarme|ahorcarme)",
        r"me mato\b(?! (?:de(?! una vez| una buena vez| un tiro| verdad)|a|al|el|la|los|las|con|ese|esa|este|esta"
        r"|mi|mis|tu|su|<GERUND>)\b)",
        r"(?:quiero|voy a|ganas de|pienso en) matarme",
        r"(?:quitarme|quitar(?:me)? la) vida", r"(?:acabar|terminar) con (?:mi vida|todo)"
        r"(?! (?:el|lo|la|los|las|esto de|mi trabajo))",
        r"no (?:puedo|aguanto|soporto) mas\b(?! (?:de (?:la )?(?:risa|hambre|sueno|calor|frio|comer)))",
        r"(?:estarian|estaria|estaran|vivirian|seria) mejor sin mi", r"mejor sin mi\b", r"mejor (?:estar )?muert[oa]\b",
        r"(?:soy|me siento|solo soy) (?:una |un )?(?:carga|estorbo)",
        r"(?:dormir|dormirme|acostarme) y no (?:despertar|volver a despertar)",
        r"no (?:despertar|volver a despertar)(?:me)? (?:nunca|mas|jamas)",
        r"(?:desaparecer|irme|morirme) para siempre",
        r"(?:quiero|quisiera|ganas de) desaparecer(?! (?:de (?:facebook|instagram|insta|las redes|redes|whatsapp"
        r"|internet|tiktok)|un (?:rato|tiempo|ratito)|unos dias))",
        r"(?:no|ya no) (?:le )?(?:encuentro|veo|tiene|tengo) (?:ningun )?sentido (?:a )?(?:nada|la vida"
        r"|mi vida|vivir|seguir)",
        r"no hay razon para (?:vivir|seguir)",
    ]),
    ("self-harm", "KITCHEN_CUT", [
        r"(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing|hit|hitting|injure"
        r"|injuring|scratch|scratching|starve|starving) <MYSELF>",
        r"self[- ]?harm\w*", r"selfharm\w*", r"(?:i've|i have|i|been|started) (?:been |started )?cutting\b",
        r"me (?:hice|hago|hacer|he hecho|haber hacer|volvi a hacer|volver a hacer) (?:los |unos |mis |varios "
        r"|mas )?(?:cortes|cortadas|cortar)"
        r"(?! (?:de|del) (?:pelo|cabello|luz|agua|presupuesto|gastos))",
        r"cutting again", r"(?:cut|slit|slash|slashed|slashing|cutting) (?:my )?wrists?",
        r"(?:hacerme|me hago|me hice|me he hecho) (?:\S+ )?dano", r"lastimar\w*", r"me lastime",
        r"me he lastimado", r"autolesi\w*", r"cortarme", r"me corte", r"me he cortado", r"cortandome",
        r"me (?:estoy|sigo) cortando", r"(?:hacerme|me hago) cortes", r"quemarme", r"golpearme",
        r"urges? to (?:cut|hurt|harm|burn|self harm)", r"(?:want|wanna|need) to cut\b(?! (?:my hair|the|a|some|down"
        r"|back|out|it|costs|ties|everything|everyone|him|her|them|his|their|off|my (?:hours|pay|meds|dose)))",
        r"cuts on my (?:arms?|legs?|wrists?|thighs?)",
        r"(?:burn(?:ed|t|ing)?|cut(?:ting)?|hit(?:ting)?|punch(?:ed|ing)|scratch(?:ed|ing)|bit|biting|hurt(?:ing)?"
        r"|queme|quemando"
        r"|corte|cortando|golpee|golpeando|me quemo|me quemar|me golpeo|me golpear"
        r"|me (?:corto|cortar)(?! (?:el |mi |las |los |la )?(?:pelo|cabello|unas|flequillo|fleco|barba|copete)))"
        r" (?:\S+ ){0,6}"
        r"(?:on purpose|deliberately|a proposito|adrede|a posta|aposta)",
        r"(?:me (?:estoy|sigo|he estado) haciendo|haciendome) (?:\S+ )?dano", r"cortar(?:me)? las venas", r"(?:voy a"
        r"|quiero|ganas de) cortarme",
    ]),
    ("feeling unsafe", None, [
        r"(?:<DONT>|not|never) feel(?:ing)? (?:\S+ )?safe", r"not safe\b(?! to)", r"feel(?:ing)? unsafe",
        r"(?:scared|afraid|frightened|terrified) (?:of|for) (?:myself|what i (?:might|will|could|may) do)",
        r"(?:<DONT>|can't|cannot) trust <MYSELF>",
        r"(?:might|may|could|going to|gonna|will|i'll) do something (?:stupid|silly|drastic|dumb|i'll regret|bad)",
        r"no me siento segur[oa]", r"no estoy a salvo",
        r"no estoy segur[oa]\b(?! (?:de|que|si|del|cuando|a que|sobre))",
        r"miedo de (?:mi mism[oa]|lo que (?:pueda|podria|vaya a|voy a) hacer|hacerme algo)",
        r"no confio en mi mism[oa]", r"(?:can't|cannot|not sure i can|unable to|struggling to) keep (?:myself|me) safe",
        r"<IM> in danger", r"(?:the )?voices (?:\S+ ){0,3}(?:telling|tell|told) me to",
        r"(?:voy a|puedo|podria|pueda|ganas de|miedo de) hacer (?:una )?(?:locura|tonteria|estupidez)",
    ]),
    ("goodbye message", None, [
        r"this is (?:my )?(?:goodbye|good bye|farewell|the end)",
        r"loose ends (?:are )?(?:tied|taken care of|sorted)", r"tied up (?:all )?(?:the |my )?loose ends",
        # a last message, children left in someone's care, a search called off before it starts
        r"(?:mensaje|carta) final",
        r"(?:les|te) (?:dejo|encargo) (?:encargad[oa]s? )?a mis (?:hijos|ninos|nietos|chamacos|patojos|chamos|pelados"
        r"|cabros)",
        r"(?:cuidame|cuidenme|cuiden|cuida) a (?:mis|los) (?:hijos|ninos|patojos|chamacos|nietos)",
        r"(?:don'?t|do not) (?:let (?:them|anyone) )?(?:search|look) (?:for me )?too long",
        # to meet again only in another life
        r"(?:nos vemos|hasta|te veo|los veo) (?:en )?(?:otra|la otra|la proxima|la siguiente) vida",
        r"see (?:you|ya|u|y'all) (?:all )?in (?:another|the next|the other|a better) life",
        r"(?:saying|say|said) (?:my )?(?:goodbyes?|good byes?)(?! to (?!(?:everyone|you all|all of you|this world"
        r"|life)))",
        r"(?:goodbye|good bye|bye) (?:everyone|everybody|all|forever|world|for ever|for good|cruel world)",
        r"(?:final|last) (?:goodbye|message|text|words)(?! (?:before|till|until|for (?:today|tonight|now|a (?:week"
        r"|while|few|fortnight|bit|couple|day|month))|of the day|today|tonight|from me (?:today|tonight|for)"
        r"|i (?:sent|got|wrote)|you (?:sent|got|wrote)|was|were|<BEDTIME>))",
        r"farewell(?! (?:party|speech|dinner|lunch|tour|gift|card|do|drinks|bash|concert|show|game))",
        r"(?:giving|given|gave|give) (?:away )?(?:all )?(?:of )?(?:my|all my) (?:things|stuff"
        r"|belongings|possessions|clothes)",
        r"(?:wrote|written|writing|left|leaving|finished) (?:a |my |some )?(?:letters?|notes?)(?: \S+)? (?:to|for)",
        r"(?:wrote|written|writing|left|leaving|finished) (?:my|the) (?:note|letters?)\b",
        r"(?:suicide|goodbye|final|last) (?:note|letter)s?", r"(?:you|u) won't (?:hear|see) (?:from )?me again",
        r"last time (?:you'?ll|you will) (?:hear|see)",
        r"(?:this|these) (?:is|are) my last\b(?! (?:semester|term|year|class|exam|final|shift|game|match"
        r"|season|day (?:at|of|in|on)|(?:message|text|one) (?:for|of) (?:today|tonight|the day)|(?:message|text)"
        r" (?:today|tonight)|(?:message|text|one) for a (?:bit|while|few|couple|week|day)|(?:message|text)"
        r" <BEDTIME>))",
        r"before i (?:go|leave|die)\b(?! (?:to|out|on|for (?:a|the)|home|back|shopping))",
        r"won't need (?:these|the|my|your) (?:check-?ins?|texts|messages) (?:anymore|any more)",
        r"no (?:me )?(?:volveran|volvereis|vais|van) a (?:ver|saber de mi)", r"(?:esta|sera) la ultima vez que",
        r"(?:tengo|ya tengo) todo (?:preparado|listo|planeado|decidido)\b(?! para)",
        r"(?:sorted|sorting|made|making|written|wrote|updated|updating|finished) (?:out )?(?:my )?will\b",
        r"(?:in|into|to) my will\b", r"(?:lost|losing|no|don't have (?:the|any)) will to live",
        r"(?:changed|updated|sorted|named|put"
        r"|made) (?:\S+ ){0,2}?beneficiar\w*", r"beneficiar\w* (?:\S+ ){0,2}?(?:changed|updated|sorted)",
        r"(?:my )?(?:affairs|things|everything|stuff) (?:is |are )?in order", r"(?:hice|he hecho|deje|ya tengo) (?:mi "
        r"|el )?testamento",
        r"(?:entregue|deje|di) (?:\S+ ){0,6}?(?:todos )?mis papeles",
        r"(?:won't|will not) (?:be )?need(?:ing)? (?:these|the|my|your|this|any) (?:\S+ )?(?:texts|messages"
        r"|check-?ins?)",
        r"(?:escrito|escribi|escribiendo|dejado|deje) (?:una |unas |mis |las )?cartas? (?:para|a) (?:mis?|todos"
        r"|mi familia)",
        r"(?:ya )?lo tengo (?:decidido|claro)", r"my mind is made up", r"(?:i've|i have) made my decision",
        r"given (?:the |my )?(?:dog|cat|pets?|kids) to",
        r"(?:look|looking|take care|taking care) (?:after|of) my (?:cat|dog|kids|children|pets?|plants)"
        r" (?:for me )?(?:when|if|after|once)",
        r"please (?:look after|take care of) my (?:cat|dog|kids|children|pets?)",
        r"(?:sorry|forgive me) for everything", r"i love you all(?: so much)?(?: \S+)? (?:goodbye|bye)",
        r"(?:esta es|este es) mi (?:despedida|ultimo mensaje|ultima carta|adios)(?! (?:del dia|de hoy|por hoy"
        r"|desde))",
        r"(?:ultimo|ultima) (?:mensaje|carta|despedida)(?! (?:del dia|de hoy|por hoy|desde (?:este|el)"
        r"|que me (?:mandaron|mandaste|enviaron|enviaste|llego)))", r"carta de despedida",
        r"(?:this|that|it) (?:is|will be|'ll be|'s) my last (?:check-?in|message|text|reply)(?! (?:before|till|until"
        r"|for (?:today|tonight|now|a (?:week|while|few|fortnight|bit|couple|day|month))|of the day|today|tonight"
        r"|from me (?:today|tonight|for)|i (?:sent|got|wrote)|you (?:sent|got|wrote)|was|were|<BEDTIME>))",
        r"adios (?:a todos|a todas|para siempre|mundo)",
        r"(?:regalado|regalando|repartiendo|repartido|dado|dando) (?:todas )?(?:mis|todas mis) cosas",
        r"cuid(?:en|a|ad|ar|enme) (?:a |de )?mi (?:perro|gato|hij[oa]s?|mascotas?|familia)"
        r" (?:\S+ )?(?:cuando|si) (?:ya )?(?:no )?(?:este|estoy|me)",
        r"perdon(?:en|adme|ame)? por todo", r"gracias por todo(?: \S+)? (?:adios|chau|me despido)",
    ]),
    # Softer goodbyes: a travel plan or "see you" in the same reply explains them.
    ("goodbye message", "GOODBYE_BENIGN", [
        r"(?:wanted|want|wanna|just) to say (?:goodbye|goodby|good bye)(?! (?:to (?:the|my|our)|before))",
        r"(?:esto|this) (?:es|is) (?:un |a )?(?:adios|goodbye)",
        r"(?:ultimo|last) (?:dia|day) (?:\S+ ){0,5}?(?:y en todo|y de todo|and (?:of |on |in )?everything)",
        r"recen por mi alma", r"pray for my soul",
        r"(?:whoever|quien) (?:reads|finds|lea|encuentre) (?:this|esto)",
        r"(?:goodbye|good bye)(?! to)",
        r"(?:won't|will not) (?:be (?:here|around|alive)|see (?:you|anyone|any of you) again)(?! (?:at|for|on|in) )",
        r"me despido", r"no (?:voy a|vaya a|voy a poder) estar (?:aqui |aca |mas )?(?:la (?:semana|proxima)"
        r"|manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|mucho tiempo|mas|para)",
        r"ya no (?:voy a )?estar(?:e)? (?:aqui|mas|con ustedes|por aqui)",
    ]),
    # Goodbyes no everyday context explains: a last night on earth, one's body found.
    ("a goodbye for ever", None, [
        r"(?:my|his|her|their) last (?:night|day|week) on (?:earth|this earth|this planet)",
        r"(?:mi|su) (?:ultima|ultimo) (?:noche|dia|semana) (?:en (?:la tierra|este mundo|esta tierra)|de vida)",
        r"(?:no one|nobody|noone|nadie) (?:needs to|has to|will have to|will need to|va a tener que|tendra que"
        r"|tiene que) (?:worry|preocuparse) (?:about me|por mi) (?:\S+ ){0,2}?(?:after|anymore|any more|despues"
        r"|nunca mas|mas)",
        r"(?:find|finds|found|finding) my (?:body|corpse)",
        r"(?:encuentren|encuentran|hallen|encontraran|encontrar) mi (?:cuerpo|cadaver)",
    ]),
    ("method words", None, [
        r"<QTY> (?:of )?(?:the |my |these |those |his |her |las |los |mis |sus |de )?(?:\S+ ){0,2}?(?:<PILLS>|<DRUGS>)",
        r"(?:saving|saved|stockpil\w*|hoard\w*|collect\w*|stash\w*|counting|guardad[oa]s|guardando"
        r"|juntando|acumulando|ahorrando) (?:\S+ ){0,3}(?:<PILLS>|<DRUGS>)",
        r"(?:<PILLS>|<DRUGS>) (?:\S+ ){0,3}(?:saved|stashed|stockpiled|guardad[oa]s|ready|lined up|listas)",
        # "stopped taking my meds and been stocking them up"
        r"(?:<PILLS>|<DRUGS>) (?:\S+ ){0,6}?(?:stocking|stockpiling|hoarding|stashing|saving) (?:them|em|'em)"
        r" (?:up|away)\b",
        r"(?:cajas|boxes|packets|packs|frascos|bottles|blisters) (?:\S+ )?(?:guardad[oa]s|saved|stashed|escondid[oa]s"
        r"|hidden)",
        r"(?:thinking|think|thought|obsessing|obsessed|picturing|imagining|fantasi[sz]ing|pensando|pienso|imaginando)"
        r" (?:about|of|on|with|en|con) (?:\S+ ){0,3}(?:<PILLS>|<DRUGS>|<METHOD>)\b",
        r"(?:thought|thinking|think|planned|planning|worked out|figured out|decided|know) (?:about )?how (?:i'd|i would"
        r"|i'll|i will|i could|i'm going to|to) do it",
        r"(?:pensado|pensando|se|decidido|tengo pensado) como (?:lo )?(?:haria|hacerlo|voy a hacerlo|lo hare)",
        r"know (?:exactly )?what (?:it's|it is|they're|they are) for\b", r"ligature",
        r"know (?:exactly )?what (?:i'm going to|i'll|i will) do with (?:it|them)",
        r"se (?:muy bien |exactamente )?(?:para )?(?:que|lo que) (?:es|voy a hacer con (?:ella|el|ellas|ellos)"
        r"|hacer con (?:ellas|ellos|esas|esos))",
        r"(?:buscando|looking for|busco) (?:un|una|a) (?:puente|bridge|edificio|building|techo|roof|azotea)"
        r" (?:alto|high|tall)",
        r"overdos\w*", r"sobredosis", r"od", r"od'd",
        r"(?:<PILLS>|<DRUGS>) (?:\S+ ){0,8}?(?:tres|cuatro|cinco|three|four|five|\d+) (?:cajas|boxes|bottles|frascos"
        r"|blisters)",
        r"(?:aventar|tirar|echar|estrellar|meter) (?:la troca|el carro|el coche|la camioneta"
        r"|el auto) (?:\S+ ){0,2}?(?:al|a un"
        r"|a una|contra|por) (?:barranco|precipicio|rio|puente|camion|trailer|muro|pared|arbol)",
        # stopping one's own treatment on purpose
        r"(?:stopped|quit|stopping|deje de|dejar de|dejo de) (?:taking |tomar |tomarme |using )?(?:my |mis |la |las "
        r"|el |los )?"
        r"(?:\S+ ){0,2}?(?:<PILLS>|insulin|insulina|dialysis|dialisis) (?:\S+ ){0,12}?(?:on purpose|for the best"
        r"|my choice|what that means|a proposito|adrede|lo que significa|no point|no tiene caso|ya no tiene sentido)",
        r"(?:reading|read|looking|looked|researching|researched|googling|googled|searching) (?:up |about |into "
        r"|for )?"
        r"(?:ways|methods)\b(?! (?:to (?:save|make|cook|get|be|improve|help|cope|deal|relax|sleep|stay|keep|fix|learn"
        r"|eat"
        r"|earn|pay|stop|quit|calm)|of|for|around|out|in))",
        r"(?:belt|rope|cord|cable|sheet|scarf|cinturon|sabana) (?:\S+ )?(?:round|around|over|alrededor de)"
        r" (?:the |my |his |her |el |la )?(?:bannister|banister|beam|rafter|rail|railing|neck|cuello|viga|barandal)",
        # whether insurance pays if one dies by one's own hand
        r"(?:insurance|seguro|beneficios?|benefits?|poliza|policy|sgli|pension) (?:\S+ ){0,8}?(?:suicid\w*"
        r"|self[- ]inflicted|autoinfligid\w*|si me (?:muero|mato)|if i (?:die|killed myself|kill myself))",
        r"(?:suicid\w*|self[- ]inflicted|autoinfligid\w*) (?:\S+ ){0,8}?(?:insurance|seguro|beneficios?|benefits?"
        r"|poliza"
        r"|policy|sgli|pension)",
        r"(?:lethal|fatal|deadly|toxic|letal|mortal) (?:dose|amount|dosage|dosis|cantidad)",
        r"(?:dose|dosis|amount|cantidad) (?:that|which|to|it takes to|que|para) (?:\S+ )?(?:kills?|die|mata|matarme"
        r"|morir)",
        r"how many (?:\S+ ){0,3}(?:would it take|does it take|to (?:die|kill)|would kill|kill (?:you|someone|a person"
        r"|me))",
        r"how many (?:\S+ )?(?:<PILLS>|<DRUGS>)",
        r"how many (?:[^\s.!?]+ ){0,6}?(?:it would take|would it take|does it take|it takes|it'd take)",
        r"cuant[oa]s (?:\S+ )?(?:<PILLS>|<DRUGS>)", r"cuant[oa]s \S+ (?:hacen|harian) falta",
        r"(?:rope|noose|soga|cuerda|horca)", r"hang(?:ing)? <MYSELF>", r"ahorcar\w*", r"colgarme (?:de|del|con)",
        r"razors?", r"razor ?blades?", r"blades?", r"cuchillas?", r"hojas? de afeitar", r"navajas?",
        r"(?:knife|knives|cuchillo) (?:\S+ ){0,3}(?:myself|my wrists?|my arm|wrists?|las venas|mi muneca)",
        r"(?:cut|cutting|stab|stabbing|cortarme|clavarme) (?:\S+ ){0,4}(?:knife|knives|cuchillo)",
        r"(?:guns?|pistol|firearm|shotgun|rifle|pistola|escopeta|revolver|arma de fuego)",
        r"(?:<IM>|standing|stood|sitting|sat|going|went|walked|walking|drove|driving|heading|climbed|climbing)"
        r" (?:\S+ ){0,2}(?:on|at|to|onto|off|from|on top of|up) (?:the |a |this |that )?(?:edge of (?:the |a )?)?"
        r"(?:bridge|roof|rooftop|ledge|cliffs?|railway|train tracks|tracks|overpass|top floor)"
        r"(?! (?:club|game|night|tournament|players?|partner|team|lessons?|class))",
        r"(?:jump|jumping|jumped|leap|leaping|throw <MYSELF>|throwing <MYSELF>|step|stepping|lie|lying)"
        r" (?:off|from|in front of|under)\b",
        r"(?:want to|wanna|going to|gonna|thinking about|planning to) jump\b(?! (?:in|into|on|at|for))",
        r"in front of (?:a |the )?(?:train|bus|lorry|truck|traffic|tren|coche|camion|autobus)",
        r"(?:walk|walking|drive|driving|swim|swimming) (?:\S+ )?(?:into|out into) (?:the )?(?:sea|ocean|river|lake"
        r"|water|traffic)",
        r"(?:tirarme|tirarse|aventarme|lanzarme|arrojarme|saltar|me tiro|me voy a tirar|me lanzo)"
        r" (?:\S+ )?(?:del?|desde|por|al|a la|a las|bajo|frente)\b",
        r"(?:estoy|sigo|voy|fui|me fui|ando|parad[oa]|sentad[oa]) (?:\S+ ){0,2}(?:en|al|a la|hacia el|hacia la"
        r"|sobre el|arriba del|encima del) (?:el |la |las |los |un |una |este |ese )?(?:puente|azotea|techo|vias"
        r"|cornisa|acantilado|precipicio)",
        r"(?:took|taken|take|taking|swallowed|downed|necked|me tome|tomarme|me trague|tragarme|me bebi)"
        r" (?:\S+ ){0,4}(?:bottle|box|packet|pack|strip|blister|frasco|bote|caja|tira)s?\b",
        r"(?:frasco|bote|caja|blister) (?:entero|entera|completo|completa)",
        r"garage (?:[^\s.!?]+ ){0,8}engine (?:running|on)", r"engine (?:running|on) (?:[^\s.!?]+ ){0,8}garage",
        r"(?:abrir|abri|dejar|deje) el gas", r"coche en el garaje (?:\S+ ){0,4}(?:encendido|en marcha)",
        r"cloruro potasico", r"potassium chloride",
        r"(?:viga|beam|rafter) (?:\S+ ){0,5}?(?:aguanta|soporta|holds?|takes?|supports?|hold|take"
        r"|support) (?:\S+ )?(?:peso|weight)",
        r"(?:looking|lookin|look|staring|mirando|mirar) (?:at )?(?:the |la )?(?:beam|rafter|viga)",
        r"(?:beam|rafter|viga) (?:\S+ ){0,8}?(?:strap|cord|cable|correa|cinch)\b",
        r"(?:strap|cord|cable|correa|cinch) (?:\S+ ){0,8}?(?:beam|rafter|viga)\b",
        r"(?:meter|meti|tirar|echar|drive|driving|drove) (?:\S+ ){0,2}(?:coche|carro|auto|car|truck"
        r"|troca) (?:\S+ ){0,2}"
        r"(?:en|al|por|into|off) (?:el |la |the |a )?(?:pantano|rio|barranco|precipicio|mar|lago|river|lake|cliff"
        r"|ravine"
        r"|embalse)",
        r"(?:tome|tomar|me tome|bebi|beber|drank|drink|swallowed|trague) (?:\S+ ){0,2}?(?:cloro|clorox|bleach|lejia"
        r"|anticongelante|raticida|veneno)",
        r"helium (?:kit|tank|hood|bag)", r"(?:cuales|which) (?:son |are )?(?:las|the) (?:mas fuertes|strongest)",
        r"(?:standing|stood|standin|parad[oa]) (?:on|en|sobre) (?:the |a |la |una )?(?:chair|silla|stool|banco)"
        r" (?:\S+ ){0,3}?(?:belt|rope|cord|cable|sheet|cinturon|soga|cuerda)",
        r"se cuant[oa] (?:hace falta|se necesita)", r"know how much it takes",
        r"(?:con )?(?:mi|el) seguro de vida (?:\S+ ){0,4}?(?:se pagaria|pagaria|pagarian|alcanzaria|cubriria|se paga)",
        r"(?:compre|bought|consegui|got) (?:\S+ )?(?:balas|bullets|ammo|municion|cartuchos|shells)\b",
        r"me colgue (?:de|del|con)\b", r"exit bag", r"bolsa de helio",
        r"(?:turn|turning|swerve|swerving|veer|veering|drive|driving|steer) (?:\S+ )?into (?:oncoming )?(?:traffic"
        r"|a truck|a semi|the median|a tree)", r"oncoming (?:traffic|truck|semi)",
        r"(?:pare|parar|pararme|tire|tirar|me puse|ponerme|meterme|me meti) (?:\S+ )?(?:frente a|frente al|delante de"
        r"|delante del|enfrente de|enfrente del)"
        r" (?:la |el |un |una )?(?:guagua|bus|camion|tren|carro|trailer|troca|micro|colectivo)",
        r"only (?:bringing|taking|need|needs|got|have) (?:the )?one (?:round|bullet|shell)", r"una sola bala",
        r"(?:do|does) (?:u|you) think it hurts? (?:\S+ ){0,3}?(?:jump\w*|drown\w*|hang\w*|to die|dying|overdos\w*)",
        r"antifreeze", r"rat poison", r"weed ?killer", r"pesticide", r"matarratas", r"veneno para ratas",
        r"carbon monoxide", r"exhaust fumes", r"hose ?pipe", r"bleach", r"lejia", r"veneno",
        r"poison(?:ing)? <MYSELF>", r"envenenar\w*", r"gas oven", r"gas <MYSELF>",
        r"drown(?:ing)? <MYSELF>", r"shoot(?:ing)? <MYSELF>", r"pull the trigger",
    ]),
    # Named painkillers/sedatives alone: "my tylenol" alerts, "tylenol for my back" does not.
    ("method words", "SYMPTOMS", [r"<DRUGS>"]),
]

# Context that explains away the softer entries above (searched in the whole reply).
CONTEXT_VETO = {
    "GOODBYE_BENIGN": [
        r"see (?:you|ya|u)", r"cya", r"talk soon", r"speak soon", r"catch you", r"for now", r"next time",
        r"(?:until|till|til) (?:next|then|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"holidays?", r"vacation", r"away (?:on|for|to|with|at|this|next)", r"trip", r"travel\w*",
        r"visiting", r"conference", r"wedding", r"camping", r"cruise", r"nos vemos",
        r"hasta (?:luego|pronto|manana|el|la)", r"vacaciones", r"viaje", r"boda", r"fuera (?:de|por|unos)",
        r"me voy (?:a|de)",
        # travel with a way back: "flying home to Manila for 3 weeks", "vuelvo en un mes"
        r"fly(?:ing)? (?:home|to|out|back)", r"leaving for", r"head(?:ing|ed)? (?:to|for|home|back)",
        r"(?:i'll|ill|we'll|i will|will) be back (?:in|on|next|home|from|by)", r"when i(?:'m| am| get) back", r"vuelo",
        r"erasmus", r"airport", r"aeropuerto", r"off to", r"trip to", r"viaje a", r"going home for",
        r"salimos (?:manejando|pa|pal|para|a)", r"back in (?:\d+|a|one|two|three|a few) (?:days|weeks|months)",
        r"me voy (?:pa|para|el|manana|unos|unas|dos|tres|\d+)(?! siempre)",
        r"(?:vuelvo|regreso|volvemos|regresamos) (?:el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d+)"
        r"|en (?:un|una|dos|tres|\d+) (?:dias?|semanas?|mes|meses)|pronto|manana)", r"a la vuelta", r"respite",
        r"(?:last|ultimo) dia (?:at|of|en|de|del) (?:work|the job|school|el curro|el trabajo|la chamba|la pega"
        r"|la oficina)"
        r"(?! y (?:en )?(?:de )?todo| and (?:of |in )?everything)",
        r"old (?:apartment|place|house|flat)", r"(?:keys|llaves) (?:turned in|handed|returned|entregad\w*)",
        r"entregue las llaves", r"handed in",
        # a goodbye party, a new post: "farewell party for Rhonda tonight", "me despedí, me trasladaron"
        r"(?:goodbye|farewell|despedida|going away) (?:party|lunch|dinner|drinks|asado|fiesta|de solter[oa]|cake)",
        r"me (?:trasladaron|trasladan|cambiaron|han cogido|contrataron)", r"(?:new|nuevo) (?:job|trabajo|puesto)",
        r"transferred", r"got the job", r"retiring", r"me jubilo", r"se jubila", r"voy y vengo",
    ],
    # The member says they mean it: an idiom's words are then taken at their word ("me mato, en serio").
    "EARNEST": [
        r"(?:lo digo|hablo|va|es|te lo digo) en serio", r"en serio(?= *[.!]* *$)", r"no es (?:broma|chiste|juego)",
        r"no (?:estoy|ando) (?:bromeando|jugando|jodiendo)", r"(?:i'm |im |i am )?not (?:joking|kidding)",
        r"i mean it", r"(?:i'm|im|i am) (?:dead )?serious", r"deadass",
        # a decision or a plain "that simple": "me mato, así de fácil",
        # "me voy a matar saliendo del turno. ya lo decidí"
        r"asi de (?:facil|simple|sencillo)", r"(?:ya )?lo (?:tengo )?decidi(?:do)?\b", r"ya esta decidido",
        r"ya decidi\b",
    ],
    # A cut while cooking or shaving: "me corté con el cuchillo picando cebolla"
    "KITCHEN_CUT": [
        r"(?:picando|cortando|pelando|chopping|dicing|slicing|peeling|cutting) (?:\S+ ){0,2}?(?:cebollas?|tomates?"
        r"|papas?"
        r"|pan|verduras?|carne|pollo|onions?|tomatoes|potato(?:es)?|bread|veg\w*|meat|chicken|limon\w*|lime|lemon)",
        r"cocinando", r"while cooking", r"en la cocina", r"sin querer", r"by accident", r"accidentally",
        r"afeitando\w*", r"shaving", r"abrelatas", r"can opener", r"curitas?", r"band-?aids?",
    ],
    "SYMPTOMS": [
        r"headaches?", r"migraines?", r"head", r"tooth\w*", r"back", r"period", r"cramps", r"cold", r"flu",
        r"fever", r"temperature", r"sore", r"pain", r"doc", r"aches?", r"aching", r"arthritis", r"knee", r"injur\w*",
        r"sprain\w*", r"hangover", r"covid", r"slept", r"sleep", r"insomnia", r"prescri\w*", r"doctor", r"gp",
        r"dolor", r"cabeza", r"muelas?", r"fiebre", r"gripe", r"resfriado", r"regla", r"espalda", r"dormir",
        r"dormi", r"insomnio", r"medico", r"receta",
        r"analisis", r"blood (?:test|work)", r"levels", r"niveles", r"ovarios", r"colicos", r"infection", r"infeccion",
        r"tension", r"presion", r"blood pressure", r"diabetes", r"cholesterol", r"colesterol", r"azucar",
        # medication in the hands of the pharmacy and the doctor: "la dosis nueva de sertralina me sienta bien"
        r"farmacia", r"pharmacy", r"chemist", r"refill", r"surtir", r"pastillero", r"pill organi[sz]er", r"dosette",
        r"(?:new|upped|adjusted|lowered|raised) (?:\S+ )?dose", r"dose (?:was )?(?:adjusted|upped|lowered|changed)",
        r"(?:dosis|dosage) nueva", r"nueva dosis", r"(?:subio|subieron|bajaron|ajustaron|cambiaron) la dosis",
    ],
    # The member denies the everyday reason: "not for the crows this time", "piensan que es por
    # el PCS. no es eso". Then no everyday context explains a weak sign.
    "DENIED": [
        r"(?:it'?s |its |it is |this (?:time )?)?(?:not|ain'?t|aint) for (?:the|my|a|an|any|deer|hunting|birds|crows"
        r"|\w+ing)(?!\S)",
        r"(?:not|ain'?t|aint|isn'?t|isnt) (?:\S+ )?(?:hunting|deer|duck) season", r"no voy de caza",
        r"no (?:es|son) (?:pa|para) (?:cazar|la caza)",
        r"(?:no es|no fue|no era|no son) (?:para|pa|por) (?:el|la|los|las|mi|mis|un|una|colgar|tender)",
        r"(?:no es|no fue|no era) (?:por )?eso",
        r"(?:that'?s|thats|that is) not (?:it|why)", r"(?:isn'?t|wasn'?t|not) why", r"nothing to do with",
        r"not because of", r"nada que ver con", r"not joking",
        # a decision taken: "el día de su cumpleaños me voy con ella, ya lo decidí" is no birthday outing
        r"ya lo (?:decidi|tengo decidido)", r"lo tengo decidido",
        r"(?:i'?ve|i have) decided(?! to (?:go back|stay|try|quit|move|get|take|start))",
        # kept secret, or a cover story told: "he doesn't know", "les dije que era limpieza"
        r"(?:he|she|they|nobody|no one|mom|dad|my wife|my husband) (?:doesn'?t|don'?t|does not|do not) know",
        r"nadie (?:mas )?(?:lo )?sabe", r"no se lo (?:digan|digas|diga)", r"(?:don'?t|do not) tell (?:anyone|him|her"
        r"|my)",
        r"(?:les|le) dije (?:\S+ ){0,3}?(?:que|q) (?:era|es|fue)", r"told (?:\S+ ){0,2}?it was", r"(?:no es"
        r"|no estoy) (?:broma|bromeando|jugando)", r"but there(?: is|'s| was) no", r"pero no hay (?:ningun|ninguna"
        r"|tal)",
    ],
}

# Taking one's own medication: what members on treatment do every day. With no amount in
# the reply ("took my pills this morning") it explains what the model alone would call
# method talk, so the member is asked rather than the coordinators paged.
ROUTINE_MEDICATION = [r"(?:took|take|taking|tomar|tome|tomo|me tome|me tomo) (?:my|mis|mi|la|las) (?:\S+ )?<PILLS>"]

# Idioms that look like crisis talk but are not. A crisis or worry match that
# overlaps one of these is dropped, and they are removed before sentiment scoring.
FIGURATIVE = [
    r"bridge (?:club|game|night|party|tournament|partner|lesson|group|ladies|table)s?\b",  # the card game
    # dying of too much of a good thing, working oneself to death, a heart attack over a match
    r"(?:morir(?:me)?|muero|muriendo|mori) de (?:tanto|tanta|tantos|tantas|lo (?:bueno|rico|lindo|linda|bonito|bonita"
    r"|mucho|feliz|sabroso|buena|rica))\b",
    r"(?:matar(?:me)?|mato|me mate|me (?:voy|vas|va|van) a matar) <GERUND>\b",
    r"(?:(?:me|te|nos|le) )?(?:(?:va|van|vas|ha|has) a )?(?:dar|da|dio|dado|matar|mata) (?:\S+ )?(?:de un |del "
    r"|un )infarto\b(?! (?:de verdad|en serio))",
    r"(?:me mataste|no me mates|me matas|me mato) con (?:ese|esa|el|la|tu|tus|esos|esas)\b",
    r"(?:killing|killed|kill|smashing|smashed|nailed|crushing|crushed|slaying|slayed|slay) it\b",
    r"(?:killing|killed|kills|will kill|gonna kill|going to kill|would kill) me\b",
    r"(?:i'd|i would|would|could|i could) (?:\S+ )?(?:kill|murder) (?:for|a|an|some)\b",
    r"(?:gonna|going to|will|i'll|could|i could) (?:\S+ )?kill (?:him|her|them|you|my (?!self\b)\S+)",
    r"kill(?:ing)? time", r"kill two birds", r"killers?", r"killjoy",
    r"dying (?:to|for|of laughter|laughing|of embarrassment|of boredom)",
    r"die (?:of|from) (?:embarrassment|boredom|laughter|laughing|shame|cuteness|happiness|excitement|old age|cringe"
    r"|suspense|curiosity|jealousy)",
    r"(?:i'd|i would|would) (?:\S+ )?(?:rather|sooner) die than",
    r"(?:we'?re|we are|we) all (?:gonna|going to) die (?:someday|some day|one day|eventually)",
    r"todos nos vamos a morir (?:algun dia|un dia|tarde o temprano)",
    # an ending that names whom it ends with: a relationship, not a life
    r"end (?:it|things) with (?:my |her |his |the |this )?(?:boyfriend|girlfriend|bf|gf|situationship|ex|him|her|them"
    r"|partner|husband|wife|fiance|fiancee|date|man|guy|girl)\b",
    r"unaliv\w* (?:my|the|this|that|his|her) (?!self\b)\S+",  # "unalive my controller"
    r"(?:jump\w*|div\w*) (?:off |in |into )?the deep end",
    # away, and saying why: "won't be here next week, on holiday"
    r"(?:won't|wont|will not) be (?:here|around) (?:\S+ ){0,4}?(?:on holiday|on vacation|away|on a trip|on the cruise"
    r"|travel\w*|visiting)\b",
    r"(?:holiday|vacation|going away|away|trip|cruise|travel\w*|visiting) (?:\S+ ){0,6}?(?:won't|wont|will not) be"
    r" (?:here|around)\b",
    r"jump\w* (?:off|from) (?:the |a )?(?:pier|dock|boat|diving board|high dive|high board|springboard|rope swing"
    r"|trampoline|trampolin|jetty|tailgate|truck bed|ladder|porch|stage|fence|swing|couch|bed|haystack|hay bales?)",
    # a job done, a thing thrown, a word for something small
    r"ropes? off (?:the|a|an|half|part|area|section|that|this|it|some)\b", r"roped off",
    r"(?:saltaban|saltan|saltar|saltando) (?:las )?chispas", r"(?:con )?la soga al cuello",
    r"(?:cayo|caer|cae|cayendo) parad[oa]",
    r"throw\w* (?:it|this|that|the \S+|my \S+|this \S+) (?:off|out of|over|out) (?:the |a )?(?:bridge|window|roof"
    r"|balcony|cliff)",
    # too much of a good thing, never with a medicine in or after the words ("overdosed on coffee and my pills")
    r"(?:od'?d|overdosed|overdosing|overdose|sobredosis) (?:on|de) <NONMED>{0,2}?(?:pancakes|sugar|candy|chocolate"
    r"|coffee|cafe|caffeine|cafeina|queso|tacos|pizza|netflix|anime|carbs|cake|pastel|dulces|azucar|memes|tiktok"
    r"|cookies|cheetos|chips|snacks|fries|papas|galletas|pan dulce|tamales|turkey|pavo|cold brew|reggaeton"
    r"|villancicos|christmas music)\b<NOMEDSNEXT>",
    r"(?:curso|clase|taller|training|class|course|capacitacion|charla|entrenamiento) (?:de|on|sobre|in|about) (?:\S+ )?"
    r"(?:sobredosis"
    r"|overdose|naloxona|naloxone|narcan|primeros auxilios|first aid|rcp|cpr)",
    r"(?:se me va a morir|se (?:me )?(?:esta )?muriendo|se me murio|se murio|muriendo|morir|murio) (?:el|la|mi)"
    r" (?:cel|celu|celular|telefono|bateria|pila|compu|laptop|parrilla|tele)\b",
    r"(?:phone|battery|cel|laptop|charger)(?:'s)? (?:is )?(?:dying|about to die|died|dead)",
    r"(?:i'?d|id|i would|would) (?:literally |honestly )?die for (?:a|an|some|one|this|that)\b",
    r"(?:threaten\w*|amenaz\w*) (?:to|con) (?:throw|sell|cancel|unplug|ground|confiscate|take away|tirar|vender|quitar"
    r"|cancelar|desconectar|castigar)",
    r"(?:me )?(?:despedi|despedir|despido|despedimos) de (?:la cuadrilla|los de la obra|la obra|la chamba"
    r"|mis companeros"
    r"|los companeros|el equipo|the crew|my crew)",
    # a milestone of recovery: "6 months without self-harm", "2 años sin hacerme daño"
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
    r"|diez) (?:\S+ )?(?:days|weeks|months|years|yrs|dias|semanas|meses|anos) (?:sin|without|free of|clean from"
    r"|clean of|no) (?:\S+ ){0,2}?(?:autolesion\w*|hacerme dano|cortarme|lastimarme|self[- ]?harm\w*|cutting"
    r"|hurting myself|harming myself)", r"(?:so|totally|literally) dead (?:lol|haha|after)",
    r"dead serious", r"plan for (?:the|this|my|tomorrow|today|next)",
    r"(?:feet|legs|arms|back|body|hands|knees|brain|eyes) (?:\S+ ){0,2}dead",
    r"dead (?:tired|on my feet|to the world|beat)", r"drop dead", r"over my dead body",
    r"(?:bored|scared|sick|worried|frightened|tired|laughed|worked) to death", r"death of (?:me|my \S+|us)",
    r"(?:nearly|almost|practically|could have|could've) (?:\S+ )?died\b",
    r"(?:die|died|dying|dead) (?:laughing|of laughter)",
    # delight, not death: "the kids are gonna die when they see this cake", "se van a morir cuando la vean"
    r"(?:gonna|going to|will|they'll|she'll|he'll) die when (?:they|she|he|you) (?:see|hear|taste|try|find out)",
    r"se (?:va|van) a morir cuando (?:la|lo|las|los|me|te)? ?(?:vean|vea|prueben|pruebe|oigan|oiga|sepan|sepa)",
    r"(?:nearly|almost|practically|liked to|like to|about) killed myself", r"killed myself laughing",
    r"suicide (?:prevention|awareness)", r"prevencion del suicidio",
    # the same, the other way round: "gonna die if i hear that alarm one more time", "me voy a morir si vuelvo a oír"
    r"(?:gonna|going to|i'll|i will|ima) die if i (?:\S+ ){0,2}?(?:hear|see|have to|smell|eat) (?:\S+ ){0,6}?"
    r"(?:one more time|again)",
    r"me (?:voy a morir|muero|mato|tiro por la ventana) si (?:vuelvo a|oigo|escucho|veo|tengo que) (?:\S+ ){0,6}?"
    r"(?:otra vez|una vez mas|de nuevo)",
    r"me (?:voy a morir|muero|mato|tiro por la ventana) si vuelvo a (?:oir|escuchar|ver)",
    r"estoy que me (?:tiro|aviento|muero|mato)",
    # worn out, not dead: "quedé muerto", "me pegué una matada"; past scares and everyday senses
    r"(?:quede|quedo|quedar|me voy a quedar|quedamos) muert[oa]s?", r"(?:me )?(?:pegue|di|dio|pego) una matada",
    r"pense que me (?:moria|iba a morir)", r"(?:thought|felt like) i was (?:gonna|going to) die",
    r"hung out", r"hang(?:ing)? out", r"like bullets", r"como balas", r"(?:me )?tir\w* de los pelos",
    r"(?:didn'?t|did not|never) cut myself (?:once|even once)", r"no me corte ni una vez",
    r"(?:jump|jumped|would jump|jumping) off a bridge for\b", r"(?:me )?corte el fleco",
    r"(?:proyecto|project|equipo|relacion|negocio|materia) (?:\S+ ){0,3}?(?:en|in) (?:terapia intensiva|the icu|icu)",
    r"(?:meds|pills|medicine|medication|pastillas) (?:\S+ ){0,3}?(?:knock\w* me out|me tumban|me noquean)",
    r"(?:got|has|have|tiene) me (?:wanting|ready|queriendo) to (?:jump|die)\b",
    r"(?:overdosed|od'?d) on (?:\S+ ){0,3}?(?:reruns|episodes|shows|tv|series|movies|peliculas|capitulos)",
    r"me despido del ano", r"despedir (?:\S+ )?(?:el|del) ano",
    # the hyperbole of one more song, one more lesson: "if i hear baby shark again i'll jump", "si oigo eso
    # una vez más me tiro por la ventana"
    r"if i (?:have to )?(?:hear|see|watch|listen to|sit through|sit thru|read|eat|grade|fill out)"
    r" (?:one more|another|1 more) (?:[^\s.!?]+ ){0,8}?(?:i'll|i will|im gonna|i'm gonna|im|i'm|i) (?:\S+ )?"
    r"(?:kill myself|kms|jump\w*|die|unalive myself|shoot myself)",
    r"if i (?:have to )?(?:hear|see|watch|listen to|sit through|read) (?:[^\s.!?]+ ){1,8}?(?:i'll|i will|im gonna"
    r"|i'm gonna|im|i'm|i) (?:\S+ )?(?:kill myself|kms|jump\w*|die|unalive myself)",
    r"si (?:oigo|escucho|veo|me toca|me ponen|ponen|suena|tengo que (?:oir|escuchar|ver)) (?:[^\s.!?]+ ){1,8}?me"
    r" (?:tiro|mato|muero|voy a tirar|pego un tiro)",
    # a team that loses: "if the knicks lose again im jumping off the GWB", "si pierden los Yankees me tiro"
    r"if (?:the )?(?!(?:i|we|he|she|they|my|you|mom|dad|it)\b)\S+ (?:lose|loses|lost) (?:again )?(?:[^\s.!?]+ ){0,3}?"
    r"(?:i'm|im|i'll|i will|i am) (?:\S+ )?(?:jump\w*|kill\w* myself)",
    r"si (?:pierde|pierden) (?:el|la|los|las) (?:\S+ ){0,2}?me (?:tiro|mato|muero|voy a tirar)",
    r"shoot\w* (?:myself|yourself|ourselves) in the foot", r"knife skills", r"rope climb\w*",
    r"gun to my head (?:i'd|id|i would|i'll) (?:say|pick|go|choose)", r"(?:casi|nearly|almost) me (?:mato|ahorco"
    r"|muero)",
    r"pushed me (?:off|into) the (?:dock|pool|lake|water|river|pier)", r"(?:dormir|duermo"
    r"|dormi) como (?:un )?muert[oa]",
    r"sleep like the dead", r"(?:corta|cortaba|estaba|esta|quedo|sabe|sabia|huele|olia|fila|frio|calor) de muerte",
    r"(?:perdio|perdieron) (?:\S+ ){0,5}?me quiero (?:matar|morir)",
    r"(?:i'd|id|i would) rather jump off a bridge than",
    r"(?:me mato|me mataron|killed me|died) (?:like |como )?\d+ (?:veces|times)", r"be the death of (?:her|him|them|me"
    r"|us|my \S+|(?:this|that|the) \S+)",
    r"guns?(?: n'?| and) roses", r"pistolas? de (?:silicona|silicon|agua|pintura|calor|clavos|juguete|aire|balines"
    r"|microchips?|dardos|tranquilizantes)",
    r"(?:sharpen\w*|afil\w*|honed|honing) (?:\S+ ){0,4}?(?:knife|knives|cuchillos?|razors?|navajas?|machetes?"
    r"|tijeras)",
    r"chefs? knife", r"cuchillo (?:nuevo|de cocina|de chef|pa la parrilla|para la parrilla)",
    r"(?:i'd|i would|would) (?:\S+ ){0,2}?jump off (?:a|the|that|this) \S+ for",
    # nobody hurt; one more of something and the member will "jump": "if i hear one more ad i'm jumping off the roof"
    r"(?:nadie|nobody|no one|ninguno) (?:salio |resulto |quedo |got |was |se )?(?:lastimad[oa]s?|herid[oa]s?|hurt)",
    r"if i (?:have to )?(?:hear|see|watch|read|get|answer) (?:\S+ ){0,2}?one more (?:\S+ ){0,4}?(?:i'?m|im|i'?ll|ima)"
    r" (?:(?:gonna|going to) )?(?:jump|die|scream|lose it)",
    r"(?:comeria|tomaria|daria) (?:\S+ ){0,5}?que me muero",
    r"(?:nearly|almost) (?:\S+ )?(?:die|dying) (?:swallowing|choking|laughing|of)",
    r"(?:phone(?:'s)?|battery|laptop|car|tv|telly|plants?|charger|computer|wifi|internet|headphones)"
    r" (?:\S+ ){0,4}(?:died|dead|dying|die)",
    r"jump(?:ing)? rope", r"skipping rope", r"(?:learn|learning|learnt|learned|know|knows) the ropes",
    r"on the ropes", r"ropes course", r"rope swing", r"climbing rope", r"end of my (?:rope|tether)",
    r"(?:play|plays|played|playing) bridge", r"burn(?:ing|t|ed)? (?:my |our )?bridges",
    r"(?:od|overdos\w*|od'd) on <NONMED>?(?:chocolate|sugar|caffeine|coffee|cake|sweets|candy|tv|telly|netflix"
    r"|christmas|easter|cheese|carbs|food|pizza|espresso|pie|pumpkin pie|pastelitos|biscuits|cookies|tea|sun|sunshine"
    r"|love|cuteness|memes|anime|tacos|pasta)\b<NOMEDSNEXT>",
    r"(?:una )?sobredosis de <NONMED>?(?:pizza|azucar|chocolate|cafe|dulces?|tacos|comida|series|netflix|amor"
    r"|tele|futbol|memes|pasta|pan)\b<NOMEDSNEXT>",
    r"cut (?:myself|my finger|my hand|my thumb|my leg) (?:while |when |whilst )?(?:shaving|cooking"
    r"|chopping|gardening|slicing|peeling|opening|on (?:a|the|some|my)|by accident)",
    r"accidentally cut (?:myself|my)",
    r"razor (?:sharp|burn|bumps)", r"shav\w* (?:\S+ ){0,2}razors?", r"razors? (?:\S+ ){0,2}(?:for|to) shav\w*",
    r"shoulder blades?", r"blades? of grass", r"rollerblad\w*",
    r"(?:glue|nail|water|nerf|staple|heat|spray|top|squirt|paint|massage|dart|tranquilizer|microchip|caulk\w*) guns?",
    r"jump(?:ed)? the gun",
    r"son of a gun", r"(?:stick|stuck|sticking) to (?:my|your|our) guns", r"guns blazing", r"big guns",
    r"shoot (?:me )?(?:a |an )?(?:text|message|email|msg|line|note|reply)", r"suicide (?:squad|mission)",
    # Spanish
    r"(?:me )?muero (?:de|del|por) (?:la |el )?(?:risa|viej[oa]|ganas|hambre|sueno|calor|frio|amor|aburrimiento"
    r"|envidia"
    r"|verguenza|nervios|curiosidad|miedo|pena ajena|cansancio|sed|gusto|alegria)",
    r"(?:me )?muero por\b(?! lo menos)",
    r"morir(?:me)? de (?:la )?(?:risa|verguenza|hambre|sueno|calor|frio|ganas|aburrimiento|envidia"
    r"|pena ajena|nervios|amor|gusto|alegria|cansancio)",
    r"mori de (?:la )?(?:risa|verguenza|hambre|calor|frio|miedo|sueno|amor)",
    r"muert[oa]s? de (?:cansancio|sueno|risa|hambre|frio|calor|miedo|verguenza|aburrimiento|envidia|ganas|sed)",
    r"casi me muero", r"me (?:tiene|tienen|dejo|dejaron) muert[oa]", r"me (?:va|van) a (?:matar|ahorcar)",
    r"(?:queria|quiero|quisiera|me queria|me quiero|voy a|me voy a|ganas de) morir(?:me)? (?:de|del) (?:la |lo )?"
    r"(?:aburrimiento|verguenza|pena|risa|viej[oa]|llen[oa]|hambre|sueno|calor|frio|cansancio|asco|nervios|envidia|sed"
    r"|pena ajena|susto)",
    r"(?:frio|calor|hambre|sueno|sed|cansancio) que me muero",
    r"(?:me|te|nos) (?:mata|matan|esta matando|estan matando|mataron)\b(?! (?:yo|a mi mism[oa]))",
    # "me mato" is "it killed me" with a subject or a complement ("ese video me mato", "me mato de risa",
    # "me mato el partido"); alone it is "I kill myself" ("hoy me mato", "si me deportan me mato")
    r"(?:me|te|nos) mato(?= (?:de(?! una vez| una buena vez| un tiro| verdad)|a|al|el|la|los|las|con|ese|esa|este|esta"
    r"|mi"
    r"|mis|tu|su|<GERUND>)\b)",
    # ... but not after "if": "si el lunes no me pagan me mato" is a threat to oneself
    # ... nor after "la verdad", "la neta": "la verdad es que hoy me mato" has no subject that killed anyone
    r"(?<!\bsi )(?:el|la|los|las|ese|esa|este|esta|esos|esas) (?!(?:noche|tarde|manana|madrugada|semana|dia|vez"
    r"|misma|lunes|martes|miercoles|jueves|viernes|sabado|domingo|finde|fin|verdad|neta|real|decision|idea|unica"
    r"|cosa)\b)"
    r"(?:[^\s.!?]+ ){1,4}(?:me|te|nos) mato\b",
    r"(?:me )?mat[oe] (?:a|de) (?:trabajar|estudiar|risa|hacer ejercicio|entrenar|correr)",
    # a first-aid class, the overdoses a crew was called to
    r"(?:narcan|naloxone|naloxona|cpr|rcp|first aid|primeros auxilios) (?:class|classes|training|trainings|course"
    r"|courses|drill|drills|cert|certification)\b",
    r"(?:atendimos|atendi|atender|we (?:had|ran|got|worked)|i (?:ran|worked)) (?:\S+ ){0,2}?(?:sobredosis|overdoses"
    r"|ods|od calls)\b",
    # anger at a thing or a team: "i could strangle my fantasy football team"
    r"(?:i could|i'?m gonna|i wanna|i want to|quiero|voy a|lo voy a|la voy a) (?:strangle|ahorcar|estrangular)"
    r" (?:my|mi|al|a la|a mi|el|la|this|that|este|esta|ese|esa) (?:\S+ ){0,2}?(?:team|equipo|mecanico|printer"
    r"|impresora|computer|compu|laptop|router|wifi|fantasy|tecnico|plomero|plumber|mechanic)\b",
    r"matarme (?:a|de) (?:trabajar|estudiar|hacer|entrenar|correr)", r"mataria por",
    # a workout, a meal or a medicine that floors one: "me maté en el gym", "ate so much I'm gonna die"
    r"me mate (?:en|con) (?:el |la |los |las )?(?:gym|gimnasio|clase|entreno|entrenamiento|spinning|pesas|trabajo"
    r"|chamba|turno|partido|cardio|crossfit)",
    r"(?:comi|bebi|tanto|so much|ate|eaten|drank|stuffed|me empache|empachad[oa]|me atragante"
    r"|me atasque) (?:\S+ ){0,6}?(?:que )?(?:me voy a morir|me muero|(?:i'?m )?(?:gonna"
    r"|going"
    r" to) die|i'?ll die)",
    r"(?:gonna|going to|i'?ll) die if i (?:eat|have|drink) (?:one more|another)",
    r"(?:i'?ll|i will|gonna) be dead by (?:week|mile|lap|round|set|day) \d+",
    r"drown(?:ing)? (?:myself|my sorrows) in (?!(?:the |a |that )?(?:water|river|lake|sea|bath|bathtub|tub|pool|ocean"
    r"|bay|harbou?r|creek|pond|canal|quarry)\b)",
    r"(?:pills?|tablets?|meds|medication|medicine|pastillas|they|these) (?:\S+ ){0,6}?knock(?:ed|ing|s)? me (?:out"
    r"|flat)",
    r"(?:lo|la|los|las) (?:voy a|vamos a|va a) ahorcar",
    r"(?:wifi|internet|printer|laptop|phone|weather|heat|traffic|homework|exam) (?:\S+ ){0,3}?wants? me dead",
    # a game: "my grandson killed me like 30 times in fortnite", "me ganó al dominó, me mató"
    r"(?:beat|beats|beating|killed|kill|kills|killing|murdered|murder|destroyed|smoked|owned|mato|mataron|gano"
    r"|ganaron|matar|matando) (?:\S+ ){0,6}?(?:in|at|al|en|on|playing|jugando|a la) (?:el |la |the |a )?<GAMES>"
    r"(?:(?: \S+){0,6}? (?:me mato|me mataron|killed me|murdered me|died|mori|i'm dead|im dead))?",
    r"<GAMES> (?:\S+ ){0,6}?(?:killed|beat|murdered|destroyed|smoked|me mato|me mataron|me gano|died|mori)\b",
    r"(?:saltar|salto|saltando) (?:a )?la (?:cuerda|comba)", r"cuerdas? (?:de|del) (?:la )?(?:guitarra|violin|tender)",
    r"cuerda floja", r"dar(?:le)? cuerda", r"(?:estar|estoy|esta) cuerd[oa]",
    r"me corte (?:el dedo|un dedo|la mano|cocinando|afeitandome|pelando|"
    r"picando|el pelo|el flequillo|las unas|sin querer|al cortar"
    r"|con (?:un|el|una|la) (?:papel|lata|vidrio))",
    r"(?:cortarme|me he cortado|me cortaron|me corte) (?:el pelo|el flequillo|las unas|la barba|las puntas)",
    r"(?:me tiro|tirarme|me tire) (?:en|a) (?:el sofa|la cama|la piscina|la playa|dormir)",
]

# A whole reply that asks what the service is: an invited member's "what is this?" is a question
# to answer with how to join, never a crisis on the model's word alone.
SERVICE_QUESTION = [
    r"(?:(?:hi|hey|hello|sorry|ok|okay|oh|um|hola|perdon|disculpe|oye) )*(?:what(?:'s| is) this|who(?:'s| is) this"
    r"|what is kinship"
    r"|what are these (?:texts|messages)|why am i getting (?:this|these(?: texts| messages)?)"
    r"|where did you get my number|is this (?:spam|a scam|real)|what does (?:the )?(?:1 5|1 to 5|this) mean"
    r"|que es esto|quien es|quien habla|quien eres|que es kinship|y esto (?:pa|para) que (?:es|era)|esto que es"
    r"|de donde (?:es|sacaron) (?:este|mi) numero|por que me (?:llegan|mandan) (?:estos )?mensajes"
    r"|que significa(?: (?:el )?(?:1 5|del 1 al 5))?)(?: (?:lol|jaja\w*))?",
]

# Laughter. In a reply that laughs, a few more phrases are figurative ("I'm dead lol"),
# and 😭 is crying with laughter.
LAUGHTER = [r"lol+", r"lmf?ao+", r"rofl", r"(?:ha){2,}h?", r"(?:he){2,}", r"(?:ja){2,}j?", r"(?:je){2,}",
            r"xd", r"😂", r"🤣", r"😆", r"💀"]
LAUGH_FIGURATIVE = [r"<IM> (?:\S+ )?(?:dead|dying|deceased)", r"i'm dead", r"(?:killed|killing) me",
                    r"(?:makes|made|make) me (?:want to|wanna) (?:drive|jump|walk) off a (?:cliff|bridge)"]

# --- Wants support -----------------------------------------------------------------

# The whole reply is one of these (after dropping punctuation and emoji).
SUPPORT_WHOLE = {
    "support", "help", "sos", "help me", "help please", "please help", "please help me", "help pls",
    "call me", "please call", "need support", "need help", "apoyo", "ayuda", "ayudame", "socorro",
    "auxilio", "llamame", "ayuda por favor", "necesito apoyo", "🆘",
}

SUPPORT = [
    # nightmares come back; asking to join the group, for a support line, to meet for a coffee
    r"(?:nightmares?|pesadillas|flashbacks?|bad dreams|the dreams)\b(?: \S+){0,5}? (?:are back|came back"
    r"|back again|again|every night|volvieron|todas las noches|otra vez|de nuevo)"
    r"|(?:volvieron|regresaron|vuelven|otra vez) (?:las |los )?(?:pesadillas|flashbacks)",
    r"(?:add(?:ed)? (?:me )?to|sign me up (?:for|to)|anot\w+ en|apunt\w+ (?:a|en)|join) (?:the |el |la )?(?:\S+ )?"
    r"(?:group|grupo|meeting|reunion|zoom)",
    r"(?:aa|na|counselor|counsellor|therapist|crisis|support|apoyo|ayuda|terapeuta) (?:line |linea )?"
    r"(?:number|numero|link)"
    r"|(?:number|numero|link) (?:for|of|de|del|pa|para) (?:the |la |el )?(?:aa|na|al-anon"
    r"|linea de (?:apoyo|ayuda|crisis)|support line|crisis line|helpline|hotline|veterans line)",
    r"(?:meet me|vernos|nos vemos|quedamos|quedar) (?:\S+ ){0,3}?(?:para un |pa un |for (?:a )?)?"
    r"(?:coffee|cafe|cafecito)",
    # asking whether what they feel is normal, or whether the group still meets because they need it
    r"(?:is it|it is|is that|es) normal (?:(?:to|que) )?(?:\S+ ){0,6}?(?:cry|crying|feel|feeling|still|llorar"
    r"|llore|sienta|sentir|triste|mal|angry|numb|sad|scared)",
    r"(?:is there|are there|hay|habra|still|siguen?|todavia)\b(?: \S+){0,6}? (?:group|grupo|meeting|reunion|junta|zoom"
    r"|coffee"
    r"|cafecito|phone group)s?\b(?: \S+){0,8}? (?:i could use|i need|lo necesito|la necesito|me hace falta"
    r"|i'?d like to join"
    r"|quisiera ir|los extrano|havent been|haven't been|hace rato no voy)",
    # wanting to go to the group, to meet in person, or the contact of someone who can help
    r"(?:group|grupo|meeting|reunion|junta|zoom)s?\b(?: \S+){0,8}? (?:quiero (?:ir|volver)|quisiera (?:ir|volver)"
    r"|need it"
    r"|i need it|i need that|me hace falta|lo necesito|la necesito|me vendria bien)\b",
    r"(?:can|could) we (?:meet|grab|get|have) (?:coffee|a coffee|a cuppa|for (?:a )?coffee|(?:up )?in person)"
    r"|(?:anybody|anyone|alguien)\b(?: \S+){0,5}? (?:wanna|want to|quiere|para|pa) (?:grab|get|tomar|ir por) (?:a "
    r"|un )?"
    r"(?:coffee|cafe|cafecito)|(?:tomar|tomarme) un cafe con alguien|meet for a coffee|vernos en persona"
    r"|meet up in person",
    r"(?:me pasas|pasame|me mandas|send me|can i get|could i get|can you send) (?:el |la |the |algun |alguna )?"
    r"(?:contacto|numero|number|contact|lugar|direccion|name)\b(?: \S+){0,6}? (?:trabajadora social|social worker"
    r"|psicolog\w*|terapeuta|therapist|counsel\w*|programa|program|clinica|clinic|atiendan gratis)",
    r"(?:conoces|sabes de|know (?:of )?|knows? of) (?:algun|alguna|a|any) (?:programa|lugar|clinica|program|place"
    r"|clinic"
    r"|therapist|psicolog\w*|terapeuta|counsel\w*)\b",
    r"hay (?:algun )?grupo de (?:aa|na|apoyo|duelo)\b",
    r"(?:number|numero|telefono|contact|contacto|phone) (?:\S+ ){0,3}?(?:for|of|de|del|de la|to) (?:\S+ ){0,3}?"
    r"(?:counsel\w*|consejer[oa]|psicolog[oa]|therapist|terapeuta|social worker|trabajadora social|asociacion"
    r"|fundacion)\b"
    r"(?! (?:para|for) (?:mi|my) )",
    r"(?:can|could) we meet(?: up)?(?= ?[?.!]|$)",
    r"(?:nos podemos|podemos) (?:tomar|ver|juntar)\b|podemos vernos|could we (?:catch up|chat|talk)",
    r"(?:keen|up) for a (?:chat|yarn|natter|call)|(?:anyone|anybody) free (?:for|to) (?:a )?(?:chat|talk|call)"
    r"|if (?:anyone|anybody)'?s free|could use a (?:check ?in|call|chat|talk)",
    r"(?:conoces|sabes de|know) (?:a )?(?:alguien|anyone|someone) (?:antes|sooner|que (?:atienda|ayude))\b",
    r"ayudeme con|ayudame con (?:una|un|la|el) (?:junta|grupo|reunion|cita)",
    r"(?:need|necesito) (?:a )?(?:ride|raite|aventon|jalon) (?:to|a|al|pa) (?:the |la )?(?:meeting|reunion|junta|group"
    r"|grupo)",
    # asking for contact or help
    r"(?:need|want|could use|could do with|would like|i'd like|looking for|like some|please|get|ask for"
    r"|asking for) (?:some |more |a bit of |a little |extra |any )?(?:support|help)\b",
    r"help me\b(?! (?:with|find|to find|set|out with|understand|figure|choose|move|carry|get to))",
    r"sos", r"🆘", r"send help",
    r"(?:call|ring|phone) me\b", r"give me a (?:call|ring|bell|buzz|shout)",
    r"(?:call|ring|bell|phone call|visit|chat) from (?:my |a |the |someone|somebody|you)",
    r"(?:could|can|would|will|please) (?:you |someone |somebody |anyone |anybody |my buddy |\S+ )?(?:please )?"
    r"(?:call|ring|phone|visit|contact|text|message) (?:me|tonight|today|later)",
    r"(?:love|like|appreciate|welcome|could (?:\S+ )?do with|could (?:\S+ )?use|need|want|would like"
    r"|would love|i'd love|i'd like) (?:a |some )?(?:call|chat|phone call|ring|visit|catch ?up|talk|company|hugs?)\b",
    r"(?:need|want|wanna) (?:to )?(?:talk|chat|speak|vent)\b",
    r"(?:can|could|shall) we (?:talk|chat|speak)",
    r"(?:talk|speak|chat|vent) (?:to|with) (?:someone|somebody|anyone|anybody|a person|you|a human"
    r"|my buddy|a coordinator|the coordinator|a real person)",
    r"someone to (?:talk|speak|chat) (?:to|with)",
    r"(?:anyone|anybody|someone|somebody|any of you) (?:\S+ )?(?:around|there|free|available|awake|up) (?:to|for)\b",
    r"is (?:anyone|anybody) (?:\S+ )?(?:around|there|free|available|awake|up)\b",
    r"(?:need|want) (?:someone|somebody|company|a friend|a hug|people|a person)",
    r"check(?:ing)? (?:in )?on me", r"come (?:over|round|around|by|and see me|see me)", r"reach out to me",
    r"(?:can|could|may|shall) (?:i|we) (?:\S+ ){0,2}?(?:book|schedule|set up|do|have|get|grab) (?:\S+ ){0,3}?(?:call"
    r"|chat"
    r"|talk)s?\b",
    r"(?:have|got|do you have|you have) (?:\S+ )?(?:minutes?|a sec|a second|a moment|time) (?:for"
    r"|to) (?:a )?(?:quick )?"
    r"(?:call|chat|talk)", r"(?:a lot|so much|too much) on my (?:plate|mind|shoulders)",
    r"(?:text|message|msg) me back", r"buddy (?:to |could |can |please |would )?(?:call|ring|text|phone|contact|check"
    r"|visit)",
    # saying they are not coping (recovery slips included: a buddy should hear of them)
    r"not (?:doing|managing) (?:so |too |very |that |all that )?(?:well|great|good|ok|alright|fine)",
    r"not (?:really )?coping", r"<CANT> cope", r"(?:barely|hardly) coping", r"falling apart",
    r"(?:having|had|going through|been having) (?:a |such a )?(?:really |very |pretty |bit of a |bit of )?(?:hard"
    r"|rough|tough|difficult|awful|terrible|horrible|bad|shit) (?:time|patch|few days|week|day|month)",
    r"end of my (?:rope|tether)", r"at my wits'? end", r"wit's end",
    r"break ?down", r"breaking down", r"broke down", r"melt ?down", r"melting down", r"panic attacks?",
    r"<CANT> stop crying", r"relapsed?", r"relapsing", r"slipped up", r"slip up", r"had a (?:slip|lapse)", r"lapsed",
    r"(?:used|using|drank|drinking) again", r"been drinking",
    r"(?:drank|drinking|used|using|had a drink|had a beer|picked up|relapsed) (?:[^\s.!?]+ ){0,6}(?:sober|clean"
    r"|sobriety)",
    r"(?:bebi|consumi|tome|recai) (?:[^\s.!?]+ ){0,6}(?:sobri\w+|limpi[oa]|sin beber|sin consumir)",
    r"(?:pasar|venir|pasarse|pasen|pase|venga"
    r"|vengan) a verme", r"visitarme", r"hacerme compania", r"fell off the wagon", r"picked up again", r"cravings?",
    r"(?:someone|somebody|anyone|anybody|my buddy|a buddy|a coordinator|one of you) <W4>(?:call|ring|phone|text"
    r"|message|visit|check (?:in )?on|reach out to|get in touch with|come (?:over|round|by) (?:to see|and see)"
    r"|pop (?:round|over|by) (?:to see|and see)|talk to|speak to|chat (?:to|with)) me\b",
    r"(?:please|pls|plz|can|could|would|will|any chance) (?:\S+ ){0,3}(?:text|message|msg|visit|check on) me\b",
    r"(?:need|want|wanna|would (?:really )?(?:love|like|appreciate)|i'd (?:love|like)|could (?:really )?(?:do with|use)"
    r"|would (?:be nice|be good|help) to|longing for) (?:\S+ ){0,2}(?:to (?:talk|chat|speak|vent|hear from)"
    r"|a (?:call|chat|talk|visit|hug|friend|friendly voice|catch ?up|natter)|some (?:company|support|help)"
    r"|company|human contact|to see (?:someone|a friend|my buddy)|hear (?:a|from))\b",
    r"hear (?:a )?(?:friendly |kind |familiar )?(?:voice|from (?:someone|anyone|you|my buddy))",
    r"need (?:my|a|to see my|to speak to my|to call my|to talk to my) (?:sponsor|buddy|coordinator|counsell?or"
    r"|therapist|support worker|key worker|friend)",
    r"(?:want|wanna|urge|urges|itching|tempted|close|thinking about|craving) (?:to )?(?:\S+ )?(?:drink|drinking|use"
    r"|using|relapse|pick up|get high|score)\b",
    r"<DONT> know what to do", r"(?:<IM>|feel|feeling|felt) (?:so |really |very |completely |totally )?(?:alone|lost"
    r"|hopeless|helpless|desperate)\b",
    # Spanish
    r"(?:alguien|alguno|alguna) (?:me )?(?:\S+ )?(?:llamar|llama|llame|hablar|habla|escribir|escribe|escriba)(?:me)?\b",
    r"(?:puede|pueden|podria|podrian|puedes|podrias|pudiera|pudieran|podeis|podriais) (?:alguien )?"
    r"(?:llamar|hablar|escribir|visitar)(?:me)?",
    r"llam(?:ame|enme|adme|eme)\b", r"llamarme\b",
    r"me (?:llamas|llamais|llaman|llamarias|llamarian|escribes|escribis|escriben|visitas|visitan)\b",
    r"ganas de (?:beber|consumir|tomar|drogarme|usar|recaer|chupar|pistear|empinar el codo)",
    r"(?:necesito|quiero|me gustaria|quisiera|me vendria bien|me haria bien|me haria falta|me hace falta|ocupo)"
    r" (?:\S+ ){0,2}(?:hablar|charlar|platicar|desahogarme|una llamada|compania|un abrazo|ver a alguien|oir una voz"
    r"|escuchar una voz|apoyo|ayuda)", r"me llame(?:n)? (?:alguien|porfa|por favor|mi)", r"que me llamen?\b",
    r"me llama (?:alguien|porfa|por favor)",
    r"(?:necesito|quiero|tengo que|me hace falta|ocupo|quisiera|me gustaria) (?:\S+ )?(?:hablar|charlar|platicar"
    r"|desahogarme|una llamada|ayuda|apoyo|a alguien|compania|un abrazo|que me llamen|que alguien)",
    r"hablar con alguien",
    r"(?:necesito|quiero|quisiera) que (?:alguien |mi \S+ )?me (?:escuche|llame|escriba|ayude|visite|acompane)",
    r"ayuda(?:me|nme)\b", r"ayudenme", r"(?:pido|busco|me vendria bien|me haria falta) (?:\S+ ){0,2}(?:apoyo|ayuda)",
    r"(?:me vendria|me iria|me haria|me sentaria|me caeria) bien (?:una llamada|hablar|una visita|charlar"
    r"|que me \S+|compania"
    r"|un abrazo|ver gente|ver a alguien|salir)",
    r"marca(?:me|nme)\b", r"(?:te|le) (?:puedo|podria) (?:agarrar|llamar|marcar) (?:\S+ ){0,2}?(?:pa|para) (?:platicar"
    r"|hablar|charlar)", r"(?:do|does) (?:y'all|yall|you|u|you guys|the group) (?:\S+ )?do (?:phone )?calls",
    r"ocupo (?:ir|hablar|platicar|ayuda|a alguien|que me)", r"(?:number for|numbers for|know (?:of )?(?:a|any)|any"
    r"|algun"
    r"|alguna|sabes de (?:algun|alguna|un)|conoces (?:algun|un)) (?:\S+ ){0,2}?(?:food pantr\w*|food banks?"
    r"|banco de comida"
    r"|banco de alimentos|comedor)", r"(?:plaza|cama|bed|spot) (?:en|in) (?:desintox|detox|rehab)",
    r"no (?:way|ride) to (?:the|my) (?:meeting|appointment|doctor|clinic|group)",
    r"hay alguien (?:\S+ )?(?:para hablar|disponible|ahi|despiert[oa]|por ahi|conectad[oa])",
    r"(?:llamad(?:a|ita)|charl(?:a|ita)|platica|visita|conversacion|hablar|charlar|platicar|un abrazo"
    r"|compania) (?:\S+ ){0,3}?me"
    r" (?:vendria|haria|caeria|sentaria) bien",
    r"alguien (?:libre|disponible) (?:para|pa) (?:una |un )?(?:llamada|charla|hablar|platicar|rato)",
    r"(?:tienes|tenes|teneis|tiene|tienen) (?:\S+ ){0,2}?(?:minutos|un rato|un ratito|tiempo) (?:para|pa) (?:una )?"
    r"(?:llamada|charla|hablar|platicar)", r"(?:traigo|tengo|cargo|llevo) (?:\S+ )?mucho encima",
    r"(?:podemos|podriamos|puedo) hablar\b(?! (?:de|sobre) (?:la|el) (?:reunion|hora|grupo))",
    r"no (?:estoy|me siento|me encuentro|ando) (?:nada |muy |tan )?bien",
    r"(?:lo|la) (?:estoy|estamos) pasando (?:muy |bastante )?(?:mal|fatal)", r"pasandol[oa] (?:muy )?(?:mal|fatal)",
    r"no puedo con (?:todo|esto|la vida|mi vida)", r"reca(?:i|ido|ida|yendo)\b", r"recaida",
    r"(?:volvi|he vuelto|volvio|vuelvo) a (?:beber|tomar|consumir|usar|drogarme|caer)",
    r"ataques? de (?:panico|ansiedad)", r"crisis de (?:ansiedad|panico)",
    r"no (?:dejo de|paro de|puedo parar de|puedo dejar de) llorar", r"no se (?:que hacer|como seguir|que mas hacer)",
]

# A support match inside one of these is not a request ("no need to call me").
SUPPORT_VETO = [
    r"(?:<DONT>|no need to|no need for (?:\S+ )?to|not necessary to|needn't|don't have to|no need for a)"
    r" (?:\S+ )?(?:call|ring|phone|text)(?: me)?",
    r"call me (?:crazy|old[- ]fashioned|silly|names|a |an )",
    r"no (?:hace falta|es necesario|necesito) que me llam\w+", r"no me llam\w+",
    r"(?:text|message|send|email) me (?:the|a|that|your) (?:link|address|details|time|info|number|rota|zoom"
    r"|location|postcode|schedule)(?! (?:for|of) (?:\S+ ){0,2}?(?:counsel\w*|therapist|psycholog\w*|social worker))",
    r"(?:thanks|thank you|gracias) (?:\S+ ){0,2}(?:support|help|apoyo|ayuda)",
    # where and when to write, not a wish for contact: "can you text me on my other number?"
    r"(?:text|message|msg|write|escribir|escribe|escribes|escribas|escribirme) (?:me )?(?:\S+ ){0,3}?"
    r"(?:instead|other number|different number|new number|otro numero|numero nuevo|work phone|del trabajo"
    r"|a otro numero|al otro numero)",
    r"(?:don't|dont|do not) need a call", r"no (?:necesito|hace falta) (?:una )?llamada",
    r"(?:overdosed|od'?d) on \S+ (?:\S+ ){0,4}?send help",
]
# Said with a laugh these are jokes ("bored to death, send help lol").
SUPPORT_LAUGHABLE = {"send help"}

# --- Worry about someone or something else -----------------------------------------
# Kept in the reasons and it stops `positive`; on its own it is not an alert.
WORRY = [
    r"hospital\w*", r"a ?& ?e", r"the er", r"icu", r"intensive care", r"surgery", r"operation", r"biopsy",
    r"(?:test|scan|blood) results", r"diagnos\w*", r"cancer", r"chemo\w*", r"tumou?r", r"stroke",
    r"heart attack", r"dementia", r"dying", r"hospice", r"palliative", r"terminal", r"se esta muriendo",
    r"cuidados paliativos", r"alzheimer'?s?", r"funeral", r"passed away",
    r"passed (?:last|on|recently|yesterday|away)", r"died", r"death in the family",
    r"lost my (?:mum|mom|dad|job|husband|wife|partner|brother|sister|son|daughter|friend|house|home|flat)",
    r"laid off", r"made redundant", r"redundancy", r"got fired", r"evict\w*", r"divorce", r"broke up",
    r"custody", r"worried", r"worry", r"worrying", r"(?:anxious|nervous|scared|frightened|concerned) (?:about|for)",
    r"had a fall", r"fell (?:over|down|and)", r"at the vets?", r"ambulance", r"nightmare",
    r"urgencias", r"uci", r"cirugia", r"operacion", r"operan", r"operaron", r"biopsia", r"diagnostic\w*",
    r"quimio\w*", r"tumor", r"infarto", r"derrame", r"ictus", r"demencia", r"entierro", r"velorio", r"fallec\w*",
    r"murio", r"se murio", r"perdi (?:a mi|mi trabajo|el trabajo|mi casa)", r"me despidieron", r"desahuci\w*",
    r"divorcio", r"preocupad[oa]s?", r"me preocupa\w*", r"preocupacion", r"(?:esta|sigue|estan) enferm[oa]s?",
    r"se cayo", r"tuvo una caida", r"veterinario", r"ambulancia",
]

# --- Social talk: thanks and greetings ---------------------------------------------
GRATITUDE = [
    r"thanks", r"thank you", r"thank u", r"cheers", r"appreciate (?:it|you|that|this)", r"much appreciated",
    r"(?:too|so|very) kind", r"love you (?:all|guys)", r"gracias", r"te lo agradezco", r"se agradece",
    r"os quiero", r"los quiero",
]
# Stripped before sentiment scoring: they say nothing about how the member is.
SOCIAL = GRATITUDE + [
    r"(?:thanks|thank you|gracias) (?:\S+ ){0,3}(?:support|help|message|text|checking in|asking|apoyo|ayuda|mensaje)",
    r"hi", r"hello", r"hey", r"hiya", r"hola", r"buenas", r"good (?:morning|afternoon|evening|night)",
    r"morning", r"buenos dias", r"buenas (?:tardes|noches)", r"see (?:you|ya)(?: \S+)?", r"talk soon", r"nos vemos",
    r"bye", r"take care", r"cuidate", r"x+", r"xo+",
    # apologies for replying late are manners, not mood
    r"sorry(?: (?:i|for|about|i've|i'm))? (?:\S+ ){0,3}(?:missed|late|delay|forgot|slow|reply|replying|replied)\w*",
    r"perdon (?:\S+ ){0,3}(?:tarde|retraso|contestar|responder)\w*",
]

# --- Mood words ----------------------------------------------------------------------
# Score each entry would give on its own; negation, intensifiers and "but" adjust it.
# Scale: 5 great, 4 good, 3 ok / tired / so-so, 2 low / struggling, 1 awful / hopeless.
MOOD = {
    5: ["great", "amazing", "fantastic", "wonderful", "brilliant", "awesome", "excellent", "superb",
        "fabulous", "fab", "perfect", "ecstatic", "thrilled", "elated", "over the moon", "on top of the world",
        "on cloud nine", "blessed", "gorgeous", "incredible", "outstanding", "never better", "very well",
        r"best (?:day|week|weekend|month|time|i've felt|in ages|in years|ever)", "buzzing", "chuffed to bits",
        "on a high", "walking on air", "overjoyed", "delighted", "stoked", "loving life", "never felt better",
        "estupendamente", "maravillosamente", "divinamente", "de diez", r"encantad[oa]", "en las nubes",
        "genial", "excelente", r"estupend[oa]", "fenomenal", "de maravilla", r"maravillos[oa]", "increible",
        r"perfect[oa]", r"buenisim[oa]", "super bien", "muy bien", "mejor que nunca", "de lujo"],
    4: ["good", "happy", "glad", "better", "nice", "lovely", "pleasant", "positive", "calm", "content",
        "peaceful", "relaxed", "cheerful", "hopeful", "grateful", "thankful", "fun", "chuffed", "pleased",
        "proud", "all good", r"(?:doing|feeling|going|been|keeping|pretty|quite|really|so|fairly|i'm) well",
        r"(?:doing|feeling|going) (?:too|so|very|that|all that) well",
        "all is well", "all's well", r"(?:killing|killed|smashing|smashed|nailed) it",
        "bien", "todo bien", r"feliz", r"content[oa]", r"tranquil[oa]", "tranqui", "mejor", r"animad[oa]",
        r"agradecid[oa]", r"relajad[oa]", r"motivad[oa]", r"buen (?:dia|fin|finde|momento)", "buena semana",
        "a gusto", "en paz", "mint", "upbeat", "optimistic", "refreshed", "rested", "on the mend", "improving",
        "looking up", "settled", "in a good place", "energised", "energized", "good good", "not too shabby",
        "mejorando", r"descansad[oa]", r"ilusionad[oa]", r"esperanzad[oa]", "optimista", "alegre",
        "de buen humor", "chevere", "chido", "bacan"],
    3: ["ok", "fine", "meh", "alright", "all right", "so-so", "so so", "hanging in there", "getting there",
        "getting by", "surviving", "managing", "coping", "same old", r"same as (?:usual|always|ever)",
        "nothing new", "average", "could be better", "decent", "tired", "sleepy", "knackered", "shattered", "exhausted",
        "worn out", "wiped out", "dead tired", "dead on my feet", "bored", "up and down", "middling",
        "mediocre", "normal", "mas o menos", "masomenos", "maso", "asi asi", "ni fu ni fa",
        r"(?:ahi|aqui|aca) (?:vamos|voy|ando|andamos|estamos)", "tirando", "sobreviviendo",
        r"cansad[oa]\w*", r"agotad[oa]\w*", r"hech[oa] polvo", r"muert[oa] de (?:cansancio|sueno)",
        r"me muero de sueno", "con sueno", r"aburrid[oa]", "esta bien", "mixed", "plodding along",
        "ticking along", "chugging along", "keeping busy", "one day at a time", "day by day", "neutral",
        "bit of both", r"rendid[oa]", r"reventad[oa]", r"molid[oa]", "vamos tirando"],
    2: ["mas mal que bien", "could be a lot better", "lonesome",
        "bad", "sad", "unhappy", "upset", "lonely", "loneliness", "isolated", "anxious", "anxiety",
        "nervous", "stressed", "stressful", "stress", "overwhelmed", "struggling", "rough", "tough",
        "difficult", "rubbish", "crap", "crappy", "shit", "shite", "shitty", "sucks", "sucked", "lousy",
        "poorly", "unwell", "in pain", "drained", "burnt out", "burned out", "burnout", "frustrated",
        "angry", "irritable", "grumpy", "fed up", "scared", "afraid", "frightened", "panicky",
        r"panic attacks?", "crying", "cried", "in tears", "teary", "tearful", "weepy", "numb", "depressed",
        "depression", "grieving", "ashamed", "guilty", "breakdown", "meltdown", "falling apart",
        "can't cope", r"hard (?:day|week|time|night|weekend|month|few days|year|morning|patch)",
        r"(?:it's|it is|its|been|everything is|things are|life is|finding (?:it|things|everything)) (?:\S+ )?hard",
        "rough patch", "one of those days", "don't know what to do", "worse", "getting worse",
        r"end of my (?:rope|tether)", "a nightmare",
        "mal", "triste", r"deprimid[oa]", r"estresad[oa]", r"agobiad[oa]", r"ansios[oa]", "ansiedad",
        r"nervios[oa]", r"asustad[oa]", "soledad", r"bajonead[oa]", "de bajon", "bajon", r"desanimad[oa]",
        r"decaid[oa]", r"hart[oa]", "peor", "dificil", r"complicad[oa]", "llorando", "llore", "sin ganas",
        "no puedo con todo", r"ataques? de (?:panico|ansiedad)", r"enojad[oa]", r"frustrad[oa]",
        "shabby", "crummy", "bleh", "blah", "in a funk", "in a rut", "all over the place", "down in the dumps",
        "under the weather", r"not (?:feeling )?myself", "wobbly", "fragile", "vulnerable", "overthinking",
        r"spiral(?:l)?ing", "on edge", "restless", "agitated", "stuck", "trapped", "hurting", "gutted",
        "disappointed", "let down", "defeated", "shaky", "bereft", "grief", r"missing (?:my|him|her|them)",
        "hard going", "tough going", "rocky", "bumpy", "bajo de animo", "depre", "chof", "sin energia",
        r"desganad[oa]", r"apagad[oa]", r"triston[a]?", "de capa caida", r"inquiet[oa]", r"angustiad[oa]",
        r"abrumad[oa]", r"sobrepasad[oa]", r"desbordad[oa]", "sin fuerzas", "regular tirando a mal"],
    1: ["awful", "terrible", "horrible", "dreadful", "miserable", "hopeless", "worthless", "devastated",
        "heartbroken", "wretched", "atrocious", "pointless", "hate my life", "hate everything",
        "rock bottom", "going through hell", "falling to pieces",
        "like shit", "like crap", "like hell", "shocking", "dire", "grim", "horrendous", "unbearable",
        "at my lowest", r"worst i've (?:felt|been)", "in pieces", "a wreck", "falling to bits",
        r"pesim[oa]", r"destrozad[oa]", r"destruid[oa]", r"hech[oa] (?:mierda|pedazos|trizas)",
        r"malisim[oa]", "por los suelos", "en el suelo", r"hundid[oa]", r"deshech[oa]", r"desesperad[oa]",
        "de pena", "lo peor", "fatal fatal"],
}
# Fixed meaning: the phrase carries its own negation, so "not" is not applied again.
MOOD_FIXED = {
    "couldn't be better": 5, "could not be better": 5, "never been better": 5, "can't complain": 4,
    "cannot complain": 4, "not complaining": 4, "no complaints": 4, "so far so good": 4,
    "could be worse": 3, "not the best": 2, "not coping": 2, "ni bien ni mal": 3, "no me quejo": 4,
    "no puedo quejarme": 4, "can't stop crying": 2, "cannot stop crying": 2,
    r"no (?:dejo de|paro de|puedo parar de|puedo dejar de) llorar": 2,
    r"no (?:muy|tan|demasiado) (?:alla|bien que digamos)": 2, "not bad not good": 3,
}
# Only in Spanish replies ("regular" and "fatal" mean something else in English).
MOOD_ES_ONLY = {"regular": 3, "fatal": 1}
# Words that count only next to a first-person frame ("feeling low", "estoy sola"):
# alone they are too often about something else ("low battery", "una sola vez").
MOOD_FRAMED = {"down": 2, "low": 2, "blue": 2, "alone": 2, "empty": 2, "lost": 2, "drowning": 2,
               "broken": 1, "sick": 2, "ill": 2, "worst": 1, "flat": 2, "off": 2, "a mess": 2, "heavy": 2,
               "raw": 2}
# The same, for Spanish replies only ("the rota" is not "rota", broken).
MOOD_FRAMED_ES = {"sol[oa]": 2, "vaci[oa]": 2, "rot[oa]": 1, "dur[oa]": 2, "enferm[oa]": 2, "perdid[oa]": 2}
FRAMES_BEFORE = {
    "feel", "feeling", "felt", "feels", "i'm", "am", "bit", "so", "very", "pretty", "quite", "really",
    "been", "kinda", "little", "super", "real", "just", "bloody", "too", "totally", "completely", "utterly",
    "estoy", "siento", "sentia", "ando", "sigo", "muy", "tan", "bastante", "poco", "algo", "re", "encuentro",
    "semana", "dia", "noche", "mes", "momento", "siendo", "es", "fue",
}
FRAMES_AFTER = {"today", "tonight", "lately", "again", "this", "recently", "atm", "rn", "now", "hoy",
                "day", "days", "week", "night", "weekend", "month", "year", "time", "morning", "ever",
                "i've", "ive", "it's", "its"}
# Consumed before mood words so they do not count: greetings, agreement, idioms.
MOOD_STOP = [
    r"good (?:morning|afternoon|evening|night|luck|bye|job|one|grief|news)", "for good", "good to know",
    r"happy (?:birthday|easter|christmas|new year|holidays|anniversary|mother's day|father's day|friday|hanukkah"
    r"|diwali|eid)",
    r"sounds (?:good|great|lovely|fine|ok|perfect|nice)", r"would be (?:good|nice|great|lovely) (?:to|if)",
    "is it ok", "is that ok", "ok if", "ok to", "well done", "as well", "better off", "best wishes",
    "all the best", "best friend", "feel better soon", "get well", "that's fine", "fine by me",
    r"(?:vendria|iria|haria|sentaria) bien", "me parece bien", "bien hecho", "esta bien si", "que bien que",
    "pretty much", "so far",
    # leaving, not feeling: "I'm off on a coach tour", "off to bed"
    r"off (?:on|to|for|out|home|now|soon|tomorrow|again|next)",
]
# Words that mean "very" when a mood word follows them ("bien cansada", "so so happy").
MOOD_AS_INTENSIFIER = {"bien", "so so", "so-so"}
# What may follow "bien" when it means "well", not "very": "bien gracias", "bien y tú", "bien hoy".
# "bien" means "very" after being or getting, before a word that is no mood: "ando bien ahuevado", "me puse bien pedo".
BEFORE_VERY_BIEN = {"ando", "anda", "andamos", "andaba", "estoy", "esta", "estamos", "estaba", "puse", "quede",
                    "siento", "sentia", "traigo", "ganas", "toy"}
AFTER_BIEN = {"gracias", "y", "e", "pero", "todo", "todos", "aqui", "aca", "nomas", "ahora", "ahorita", "hoy", "la",
              "el", "los", "las", "bien", "tambien", "asi", "igual", "por", "de", "en", "con", "mi", "mis", "ya",
              "que", "pues", "o", "u", "a", "al", "si", "no", "amigo", "amiga", "hermano", "hermana", "carnal",
              "compa", "mija", "mijo", "sumerce", "parce", "che", "tio", "tia", "senor", "senora", "dona", "don",
              "jaja", "jajaja", "gracia", "tu", "usted", "ustedes", "como", "dentro", "despues", "luego", "ayer",
              "esta", "este", "estos", "estas", "mami", "papi", "mama", "papa", "hija", "hijo", "gordo", "gorda",
              "mano", "primo", "prima", "vos"}

INTENSIFIERS = {
    "really", "so", "very", "super", "extremely", "incredibly", "totally", "truly", "absolutely",
    "completely", "utterly", "bloody", "fucking", "fkn", "fking", "freaking", "damn", "mega", "proper",
    "real", "way", "sooo", "muy", "re", "tan", "demasiado", "realmente", "totalmente", "completamente",
    "extremadamente", "sumamente", "requete", "bien",
}
# After the mood word: "anxious af".
POST_INTENSIFIERS = {"af", "asf", "as hell", "as fuck"}
DOWNTONERS = {"bit", "little", "slightly", "kinda", "somewhat", "fairly", "reasonably", "mildly", "tad",
              "poco", "algo", "medio", "pelin", "ligeramente", "sorta"}
NEGATORS = {
    "not", "no", "never", "nothing", "hardly", "nope", "don't", "doesn't", "didn't", "isn't", "aren't",
    "wasn't", "weren't", "can't", "cannot", "couldn't", "won't", "wouldn't", "shouldn't", "haven't",
    "hasn't", "hadn't", "ain't", "nada", "nunca", "ni", "tampoco",
}
# After one of these, what follows weighs double ("tired but good" reads as good).
CONTRAST = {"but", "although", "however", "pero", "aunque"}

# --- Emoji and emoticons -------------------------------------------------------------
EMOJI = {
    **dict.fromkeys("😀😁😃😄😆🥳🤩😍🥰🎉🙌😎", 5),
    **dict.fromkeys("🙂😊☺😌🤗👍👌✌💚💕💖💗💙💛💜🧡❤😇🌞☀💪😂🤣😋😺", 4),
    **dict.fromkeys("😐😑🤷🫤😶🙃😴🥲😬😮🤔", 3),
    **dict.fromkeys("😔😢😞😟🙁☹😕😥😓😩😫😣😖😿💔🥺😰😨😡🤬😤👎😪🤒🤕🤢😷", 2),
    **dict.fromkeys("😭", 1),
}
EMOTICONS = {":)": "🙂", ":-)": "🙂", "=)": "🙂", "(:": "🙂", ":]": "🙂", ":d": "😀", ":-d": "😀",
             ":(": "🙁", ":-(": "🙁", "=(": "🙁", "):": "🙁", ":'(": "😢", ":/": "😕", ":-/": "😕",
             ":|": "😐", ":-|": "😐", "<3": "❤", "</3": "💔", ":p": "😋", "xd": "😆"}

# --- Numbers -------------------------------------------------------------------------
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
                "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10}
FRACTION_WORDS = {"of", "out of", "outta", "de", "sobre", "over"}
# A number followed by one of these counts something: "3 hours", "5 days sober".
UNITS = {
    "hour", "hours", "hr", "hrs", "h", "min", "mins", "minute", "minutes", "sec", "secs", "second",
    "day", "days", "week", "weeks", "wk", "wks", "month", "months", "year", "years", "yr", "yrs", "am",
    "pm", "o'clock", "oclock", "times", "time", "more", "of", "kids", "children", "people", "pills",
    "tablets", "mg", "ml", "g", "kg", "lbs", "lb", "stone", "st", "nd", "rd", "th", "k", "km", "miles",
    "mile", "mi", "x", "percent", "pounds", "quid", "dollars", "bucks", "euros", "pesos", "horas", "hora",
    "minutos", "dias", "dia", "semanas", "semana", "meses", "mes", "anos", "ano", "veces", "vez", "mas",
    "personas", "ninos", "hijos", "nietos", "pastillas", "kilos", "de", "until", "till",
    "bus", "train", "cups", "cup", "coffees", "drinks", "beers", "pints", "glasses", "steps", "boys",
    "girls", "sons", "daughters", "grandkids", "grandchildren", "dogs", "cats", "meetings", "sessions",
    "shifts", "calls", "texts", "messages", "things", "appointments", "visits", "nights", "mornings",
}
# Words that end in "s" but are not plurals, so "2 thanks" is not "2 things".
NOT_PLURAL = {"this", "thus", "always", "sometimes", "perhaps", "thanks", "less", "unless", "yes", "was",
              "has", "does", "is", "its", "it's", "guess", "plus", "pues", "entonces", "ademas", "tres",
              "dos", "seis", "gracias", "tras", "despues", "antes", "lots", "its", "us", "honestly", "stars",
              "nomas", "tops", "mas", "jamas"}
# A number after these measures something else than how the member is: "pain 7/10", "dolor de 8".
OTHER_SCALES = {"pain", "pain's", "pains", "dolor", "dolores"}
# A number after one of these is a time, a quantity or a name, never a score.
NOT_SCORE_BEFORE = {
    "at", "by", "until", "till", "til", "since", "for", "after", "before", "in", "on", "around", "about",
    "past", "from", "to", "slept", "sleep", "sleeping", "took", "take", "taking", "had", "have", "has",
    "ate", "drank", "only", "over", "under", "than", "the", "my", "our", "his", "her", "their", "your",
    "these", "those", "page", "room", "bus", "route", "number", "no", "turns", "turned", "age", "aged",
    "las", "los", "con", "en", "por", "desde", "hasta", "hace", "cada", "mis", "tus", "sus", "de", "tome",
    "dormi", "llevo", "tengo", "son", "eran", "unos", "unas", "cumple", "worked", "walked", "ran", "did",
    "with", "every", "next", "last", "first", "top", "level", "grade", "year", "day", "week", "chapter",
}
# A number after one of these is a score: "a 3", "I'd say 2", "un 4".
SCORE_BEFORE = {"a", "an", "un", "say", "said", "diria", "digo", "maybe", "prob", "probably", "perhaps",
                "like", "give", "gave", "rate", "rating", "rated", "score", "scale", "it's", "is", "es",
                "i'm", "am", "today", "today's", "hoy", "honestly", "tbh", "solid", "strong", "feeling",
                "soy", "estoy"}
# A number word opening the reply is a score only if it stands alone or one of these follows.
SCORE_AFTER = {"today", "tonight", "tbh", "honestly", "i", "guess", "maybe", "probably", "prob", "ish",
               "atm", "now", "hoy", "creo", "la", "diria", "supongo", "lol", "haha", "jaja", "thanks",
               "gracias", "x", "but", "pero", "y", "and", "aunque", "though", "stars", "estrellas",
               # "2 nomás", "3 rn", "2 tops"
               "nomas", "nada", "just", "rn", "tho", "idk", "ahorita", "ahora", "solo", "tops", "max"}

# --- Questions and language --------------------------------------------------------
QUESTION_WH = {"when", "what", "what's", "whats", "where", "where's", "who", "who's", "why", "how",
               "how's", "which"}
QUESTION_AUX = {"is", "are", "do", "does", "did", "can", "could", "will", "would", "should", "shall",
                "has", "have", "was", "were", "may"}
QUESTION_SUBJECT = {"i", "you", "we", "they", "he", "she", "it", "there", "someone", "somebody", "anyone",
                    "anybody", "my", "the", "this", "that", "u", "ya", "our", "group", "everyone"}

SPANISH_CUES = {
    "estoy", "esta", "bien", "mal", "muy", "que", "hoy", "gracias", "pero", "para", "con", "por",
    "alguien", "puede", "llamar", "necesito", "todo", "dia", "dias", "semana", "cansada", "cansado",
    "mas", "asi", "el", "la", "los", "las", "una", "un", "y", "de", "del", "es", "soy", "tengo", "quiero",
    "nada", "poco", "mejor", "peor", "ahi", "aqui", "vamos", "tirando", "genial", "fatal", "regular",
    "triste", "sola", "solo", "tambien", "porque", "cuando", "donde", "hola", "buenas", "noche", "manana",
    "ayer", "vez", "otra", "siento", "hablar", "ayuda", "apoyo", "reunion", "grupo", "mama", "papa",
    "madre", "padre", "hijo", "hija", "casa", "trabajo", "bueno", "buena", "nos", "vemos", "ya", "le",
    "lo", "se", "te", "usted", "eso", "esto", "este", "ese", "muerto", "muerta", "muero", "pastillas",
    "puente", "cosas", "seguir", "vivir", "morir", "matar", "estar", "sido", "fue", "siempre", "gente",
    "uno", "dos", "tres", "cuatro", "cinco", "menos", "mucho", "mucha", "contenta", "contento", "feliz",
    "tranquila", "tranquilo", "vale", "pues", "sobre", "puedo", "hay", "algo", "ganas",
}
ENGLISH_CUES = {
    "i", "i'm", "the", "and", "is", "am", "are", "it", "it's", "today", "really", "feel", "feeling", "you",
    "my", "to", "good", "ok", "not", "but", "week", "tired", "just", "so", "can", "need", "call",
    "someone", "was", "been", "have", "had", "this", "that", "of", "in", "on", "at", "with", "for", "what",
    "when", "how", "thanks", "great", "fine", "bad", "day", "night", "sleep", "going", "get", "got",
    "like", "love", "bit", "pretty", "doing", "well", "though", "lol", "meh", "yeah", "yes", "please",
    "help", "talk", "anyone", "everyone", "want", "die", "kill", "myself", "don't", "can't", "won't",
    "would", "could", "be", "do", "did", "see", "all", "about", "back", "home", "work", "family", "mum",
    "mom", "dad", "kids", "lonely", "sad", "happy", "anxious", "worried", "tbh", "honestly", "okay",
    "alright", "better", "awful", "terrible", "support", "out", "one", "two", "three", "four", "five",
    "he", "she", "we", "they", "there", "here", "if", "anymore", "again", "think", "know", "much", "too",
}

# Contractions typed without the apostrophe, text-speak and common misspellings.
TYPOS = {
    "im": "i'm", "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
    "ive": "i've", "id": "i'd", "youre": "you're", "thats": "that's", "whats": "what's", "havent": "haven't",
    "arent": "aren't", "werent": "weren't", "aint": "ain't", "theres": "there's", "hes": "he's",
    "u": "you", "r": "are", "pls": "please", "plz": "please", "thx": "thanks", "thnx": "thanks",
    "tks": "thanks", "ty": "thanks", "tho": "though", "cuz": "because", "cos": "because", "gr8": "great",
    "gud": "good", "gd": "good", "k": "ok", "kk": "ok", "okay": "ok", "okey": "ok", "okk": "ok", "oki": "ok",
    "okie": "ok", "okies": "ok", "alrite": "alright", "allright": "alright", "aight": "alright",
    "hapy": "happy", "happi": "happy", "terible": "terrible", "terrable": "terrible", "teribble": "terrible",
    "terrbile": "terrible", "horible": "horrible", "horrable": "horrible", "horibble": "horrible",
    "awfull": "awful", "aweful": "awful", "tierd": "tired", "tird": "tired", "tyred": "tired",
    "exausted": "exhausted", "exhuasted": "exhausted", "exhasted": "exhausted", "lonley": "lonely",
    "lonly": "lonely", "loney": "lonely", "depresed": "depressed", "depressd": "depressed",
    "anxius": "anxious", "anxous": "anxious", "anxiuos": "anxious", "stresed": "stressed",
    "stressd": "stressed", "misrable": "miserable", "miserible": "miserable", "miserabel": "miserable",
    "awsome": "awesome", "awesom": "awesome", "awsum": "awesome", "amazin": "amazing", "amazng": "amazing",
    "amazeing": "amazing", "fantastc": "fantastic", "fantasic": "fantastic", "wonderfull": "wonderful",
    "wondeful": "wonderful", "preety": "pretty", "prety": "pretty", "fien": "fine", "gret": "great",
    "graet": "great", "bettr": "better", "beter": "better", "strugling": "struggling",
    "struggeling": "struggling", "strugglin": "struggling", "feelin": "feeling", "doin": "doing",
    "goin": "going", "gettin": "getting", "nothin": "nothing", "overwelmed": "overwhelmed",
    "overwhelmd": "overwhelmed", "suicidle": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal",
    "sucidial": "suicidal", "suisidal": "suicidal", "suicidel": "suicidal", "sucide": "suicide",
    "suicde": "suicide", "suiside": "suicide", "suacide": "suicide", "myslef": "myself", "mysef": "myself",
    "mysefl": "myself", "overdoze": "overdose", "pils": "pills", "tyenol": "tylenol", "tylanol": "tylenol",
    "gunna": "gonna", "goodby": "goodbye", "tellin": "telling", "killin": "killing", "kiero": "quiero",
    "kiere": "quiere", "kieres": "quieres", "kisiera": "quisiera", "nite": "night", "kil": "kill",
    "kll": "kill", "kiil": "kill", "killl": "kill",
    "bn": "bien", "bne": "bien", "vien": "bien", "mui": "muy", "q": "que", "xq": "porque", "pq": "porque",
    "porq": "porque", "tmb": "tambien", "toy": "estoy", "stoy": "estoy", "trizte": "triste",
    "cansao": "cansado", "cansá": "cansada", "sta": "esta", "ayudaa": "ayuda", "masomenos": "mas o menos",
}
