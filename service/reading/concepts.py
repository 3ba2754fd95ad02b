"""Crisis and risk as concepts that meet in one reply, read over lemmas.

The phrase lists in `service.reading.lexicon` catch what people say the usual way. Much
crisis talk names no act at all: a place ("standing on the overpass"), a means held
("the pills are right here"), a goodbye ("gave my dog to my sister"), someone else's
hands ("he had his hands on my throat"). Here each of those is a *concept*: a few lemma
patterns (`service.reading.lemmas` maps "stood", "standing", "parada" onto them) that
say one thing. A crisis is a concept that is enough on its own, or two that meet in one
reply (a means and a plan, a relapse and not caring whether one wakes up). A concept
that is a sign of risk alone and meets nothing else makes the reply *uncertain*: the
member is asked directly.

Patterns are written over the lemma text: lower case, no accents, one space between
tokens, `<NAME>` a group below. They describe kinds of talk, never one member's line.
"""

from __future__ import annotations

import re

from service.reading.anchors import AnchoredPatterns
from service.reading.text import ReplyText, overlaps

GROUPS = {
    "WANT": r"(?:want|wanna|wish|hope|rather|ready|plan|decide|gonna|going to|think (?:about|of)|pray|let me"
    r"|i'll|i'd|should|deserve|better off|querer|quisiera|ojala|pedir|preferir|ganas|pensar|me ir a|deber|mejor me"
    r"|a ver si|pa ver si|para ver si|to see if i|que me)",
    "KIN": r"(?:son|daughter|kid|child|boy|girl|brother|sister|mom|mum|mother|dad|father|friend|roommate|grandma"
    r"|grandpa|grandmother|grandfather|nan|nana|uncle|aunt|abuela|abuelo|abuelita|abuelito|tio|tia|suegra|suegro"
    r"|partner|wife|husband|boyfriend|girlfriend|sponsee|sponsor|cousin|nephew|niece|grandson|granddaughter"
    r"|neighbor|neighbour|student|hijo|hija|hermano|hermana|mama|papa|madre|padre|amigo|amiga|compadre|comadre"
    r"|esposo|esposa|novio|novia|nieto|nieta|primo|prima|sobrino|sobrina|vecino|vecina|companero|companera"
    r"|senora|mujer|vieja|viejo|jefa|jefita|morra|chava|carnal|compa|pana|parce|parcero|cuate|homie|buddy"
    r"|he|she|they|him|her|el|ella)",
    "ABUSER": r"(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|ex|dad|father|stepdad|mom|brother"
    r"|roommate|landlord|yerno|esposo|novio|marido|pareja|padrastro|hijo|el|ella|muchacho)",
    "DIE": r"(?:die|dead|death|suicide|suicidal|suicidar|suicidio|suicida|overdose|od|morir|muerto|muerte"
    r"|kill (?:myself|me)|matar (?:me|yo)|me matar|end (?:it|my life|everything)|acabar con todo)",
    "MEANS": r"(?:sidearm|shotty|30-06|fierro|carabina|anfo|dinamita|dynamite|explosivos?|morphine|morfina|oxy|clona"
    r"|clonazepam|xanax|pill|tablet|dose|medication|meds?|script|prescription|blade|razor|knife|rope|noose|gun|pistol"
    r"|rifle|bullet|fentanyl|fent|heroin|benzo|blues|narcan|bag|pastilla|pildora|dosis|medicina|medicamento"
    r"|cuchilla|navaja|cuchillo|cuerda|soga|pistola|arma|bala|veneno|gas|frasco|bottle|cabinet|stove|estufa"
    r"|shotgun|revolver|glock|barrel|muzzle|tall enough tree|strong enough (?:branch|beam|hook)|escopeta|fusca"
    r"|cuerno de chivo|piedras en (?:la mochila|los bolsillos|las bolsas)|(?:rocks|stones) in (?:my|the) (?:pockets"
    r"|backpack"
    r"|bag|coat)|(?:my|the|mi|la) (?:9|9mm|45|38)(?! (?:year|years|yr|yrs|yo|month|months|hour|hours|am|pm"
    r"|days|weeks|min|mins|minutes|percent|out|of|ish|anos|meses|horas)(?!\S)))",
    "PLACE": r"(?:bridge|overpass|roof|rooftop|ledge|edge|balcony|platform|track|tracks|train|cliff|river|lake"
    r"|pier|dock|jetty|long way down|harbour|harbor|harbour wall|sea wall|level crossing|railway|rail|rails"
    r"|parking ramp|dam|reservoir"
    r"|muelle|malecon|acequia|barranca|no guardrail|no railing|sin barandal|sin baranda|no hay reja|sin reja|riel"
    r"|rieles|represa|paso a nivel|barranco|precipicio|anden|fire escape|grain bin|silo"
    r"|planta mas alta|lo alto|water tower"
    r"|quarry|highway|freeway|top floor|parking (?:garage|deck|structure)|puente|via|vias|tren|azotea|techo"
    r"|balcon|cornisa|borde|orilla|acantilado|rio|canal|presa|ultimo piso|panteon|cementerio|cemetery|(?:his|her|their"
    r"|my|the|mom's|dad's|mum's) grave|graveyard|graveside"
    r"|tumba)",
    "HERE": r"(?:(?:i'm|i am|im) (?:at|on|by|in|near|up)|ando (?:en|por)|andar (?:en|por)|out at"
    r"|up on (?:the |a )?(?:grain bin|silo|water tower|bridge|overpass|ledge|cliff|roof again)"
    r"|me (?:quede|quedo) (?:viendo|mirando)|quedar (?:ver|mirar)"
    r"|me quedar (?:viendo|mirando)|been on|(?:subido|subi|subir|subo) a|quedar me (?:ahi|alli)|stand|sit|standing"
    r"|sitting|park|parked|drive (?:out )?to|walk(?:ed)? to"
    r"|look (?:down|over|at)|from here|right here|up here|out here|estoy (?:en|parad[oa]|sentad[oa])|parad[oa]"
    r"|sentad[oa]|aqui (?:en|arriba)|aca (?:en|arriba)|desde aqui|mirando|me paro en|me pare en|pararme en|(?:quedar"
    r"|quedo|quedarme|me quedo|me voy a quedar) aqui|me asome"
    r"|asomarme|me incline|leaned (?:over|out)|lean over|subi al|me subi al)",
    "HOLD": r"(?:holding|hold|in my hand|right here|next to me|in front of me|on the (?:table|counter|bed)|lined up"
    r"|counted|count|stockpile|hoard|save|saved|saving|collect|stash|enough|all of them|every one"
    r"|the whole|all (?:the|my)|(?<!glock )(?<!\$)(?<!\$ )\d\d+(?! ?(?:mg|mcg|ml|lbs?|kg|pesos|dollars|bucks|euros"
    r"|min|mins"
    r"|minutes|hours|hrs|years|yrs|days|percent|%))"
    r"|juntar|guardar|acumular|esconder|(?:todas|todos)(?! (?:los|las) (?:dias|noches|mananas|tardes|semanas))|hartas"
    r"|suficientes|en la mano|junto a mi|(?<!no )tengo(?! que)|traje"
    r"|in my mouth|to my head|in my lap|with me|en la boca|en la cabeza|conmigo|out the safe|loaded|cargad[oa]"
    r"|under my chin|to my (?:temple|chin)|en la sien|bajo la barbilla)",
    "PLAN": r"(?:plan|planned|decide|decided|ready|tonight|tonite|this time|set a date|the date|it's time"
    r"|its time|time to go|final|last one|figured out|know how|sabe como|se como|ya se como|pensado como"
    r"|decidir|listo|lista|esta noche"
    r"|(?:ya )?es hora(?! de (?:\S+ )?(?:al?|a la|comer|dormir|cenar|trabajar|desayunar"
    r"|almorzar))|(?:para|pa) irme)",
    "BYE": r"(?:goodbye|good bye|goodby|farewell|bye|adios|chao|signing off|logging off|log off|goodnight|good night"
    r"|thank(?:s| you) for (?:\S+ ){0,3}?(?:all )?these years|gracias por (?:\S+ ){0,3}?(?:todos )?estos anos|thank(?:s"
    r"| you) for everything|gracias por todo|los quiero"
    r"|love (?:you|u) all|perdon|perdonar|sorry (?:everyone|to everyone|for everything))",
    # going to see a place or a person one last time
    # money set aside for one's own funeral, a perfect day so they remember, a last visit to a grave,
    # goodbye to everyone
    # tidying so nobody has to do it after
    "FAREWELL": r"(?:"
    r"(?:so|para que|pa que) (?:nobody|no one|nadie) (?:has to|will have to|tenga que|haya que) (?:\S+ ){0,4}?(?:after"
    r"|later|despues|luego)|"
    r"(?:money|dinero|plata|lana) (?:\S+ ){0,3}?(?:pal|para el|para mi|del|for the|for my) (?:entierro|funeral|burial"
    r"|cremation|cremacion|velorio)|"
    r"(?:para|pa) que (?:se )?(?:acuerden|me recuerden|recuerden)|so (?:they|she|he) (?:will |'ll )?remember (?:me"
    r"|this|it)|"
    r"(?:see|visit|ver|visitar) (?:\S+ ){0,4}?(?:grave|tumba|cemetery|cementerio|panteon) (?:\S+ ){0,2}?(?:one (?:more"
    r"|last) time|una (?:vez mas|ultima vez))|"
    r"(?:me|m) despedi de (?:to|todo|toda|todos|todas) (?:el mundo|la gente)?|"
    r"(?:ver|visitar|abrazar|see|visit|hug|hold|look at) (?:\S+ ){0,4}?(?:una ultima vez|por ultima vez|one (?:last"
    r"|final) time|for the (?:last|final) time)|"
    r"(?:me )?(?:estar|estoy|esta|ando|andar|vengo) despedir de (?:todos|todo el mundo|to el mundo|todo"
    r"|to)|dejar (?:\S+ ){0,2}(?:una |la )?carta"
    r"|(?:don't|dont|no need to) bother (?:texting|messaging|checking)|no (?:me )?(?:mandar|mandeis|manden|escribir"
    r"|escriban|escribais) (?:mas|ya)|(?:deleting|deleted|delete) (?:all )?my (?:socials|accounts|profiles)|last post"
    r"|(?:my|mi) (?:own )?(?:obituary|eulogy|obituario|esquela)"
    r"|(?:my|this|be) (?:last|final) (?:message|text|msg|txt|mensaje|check ?in)(?! (?:i|was|today|of|for (?:a|now|the"
    r"|today|tonight)|until|till|til"
    r"|this|tonight))"
    r"|last time you (?:hear|will)|wrote (?:a |the )?"
    r"(?:letter|note)|letter (?:to|for)|note (?:to|for)|letters|\w+ in order|made my peace|make my peace"
    r"|give away|gave away|give (?:my|him|her) (?:dog|cat|bird|pet|stuff|things)|give my \w+ to"
    r"|(?:won't|wont|not going to) need (?:this|these|them|it|the|to)|(?:don't|dont|no need to) (?:\w+ )?"
    r"(?:text|check on|message|call) me (?:anymore|again)|anymore after|delete (?:this|the|your) number"
    r"|take care of (?:my|the|him|her|them|everyone)|tell (?:\w+ )?(?:i'm sorry|im sorry|i love|thank|that i)"
    r"|(?:for|para) (?:whoever|quien) (?:clears|cleans|finds|empties|limpie|encuentre|recoja)"
    r"|need (?:it|them|this|these) more than i (?:will|do|ever will)|ya despedir"
    # saying one's goodbyes, as typed: "me despidieron" is being fired
    r"|me (?:despedi|despido|estoy despidiendo|vine a despedir|quiero despedir|voy a despedir|fui a despedir"
    r"|queria despedir)"
    r"|(?<!a las )(?<!jugar )(?<!jugamos )(?<!jugando )cartas|carta (?:a|para)"
    r"|(?:a )?quien (?:le )?(?:toca|tocan|queda|quedan|dejo|dejar) (?:\S+ ){0,2}?(?:cosa|cosas|mis)|who (?:gets"
    r"|should get|will get|can have|should have) (?:what|my)|(?:papeles|asuntos|cosas|cuentas) en orden|(?:dejar|deje"
    r"|dejo|puse|poner|pongo|tengo"
    r"|tener) (?:\S+ ){0,2}en orden|(?<!me )(?<!te )(?<!nos )(?<!de )(?<!un )(?<!el )(?<!mi )(?<!su )regalar"
    r"|dejar (?:la|el|mi|mis|los|las)"
    r" \w+ (?:a|con)|(?:te|le|les|os) encarg\w* (?:a )?(?:mi|mis)|no (?:los|las|lo|la) (?:ir a )?necesitar"
    r"|ya no me (?:escriba|escriban|manden)"
    r"|perdon a todos|cuiden|cuida a|(?:ni|nor|or) (?:en |a |to )?(?:ninguna otra|ningun otro|any other|ninguna parte)"
    r"|(?:nobody|no one|noone) (?:will|'ll) (?:have to|need to) worry (?:about|bout|abt) me"
    r"|(?:won't|wont) have to worry about me|no (?:tendran|van a tener) que preocupar\w* por mi"
    r"|si me pasa algo|if (?:anything|something) happens to me"
    r"|despedirme de (?:todos|todo el mundo|ellos|mi familia|ustedes)|para despedir ?me|(?:lo )?explico todo"
    r"|explains? everything|(?:my|mi) (?:own |propia )?(?:lapida|headstone|tombstone|gravestone)|memorial for myself"
    r"|tell (?:\S+ ){0,4}?loved (?:em|them|him|her|you|u|y'all)|(?:que )?(?:los|las|la|lo|le) quise (?:mucho)?"
    r"|arregl\w* (?:\S+ )?(?:mis|todos mis) (?:asuntos|pendientes)"
    r"|reparti\w* (?:\S+ )?(?:mis|mi|todas mis) (?:cosas|herramientas|pertenencias|ropa|muebles)"
    r"|(?:give|gave|given|regale|di) (?:away )?(?:my|mi|mis) (?:\S+ ){0,2}?(?:ring|watch|clock|anillo|reloj|medals"
    r"|medallas"
    r"|jewelry|joyas|alianza) (?:to|a)|despidiendose (?:\S+ ){0,3}?(?:y|and) (?:apago|no contesta|no responde)"
    r"|(?:mando|sent) (?:me )?(?:un |a )?(?:audio|mensaje|message|voice note|video) (?:despidiendose|saying goodbye)"
    r"|(?:ya )?tienen todas mis cosas|(?:have|got|has) all my (?:stuff|things)|(?:ask"
    r"|tell) (?:\S+ ){0,2}?to forgive me|(?:pidele|pidanle|dile|diganle) (?:a )?(?:mi )?\S+ que me perdone"
    r"|(?:ni|or) (?:nunca|ever)(?: mas| again)?(?!\S)|signed (?:\S+ ){0,2}?over to|gave (?:\S+ ){0,3}?title to"
    r"|devolv\w* (?:todo )?lo (?:que me )?prestad[oa]"
    r"|(?:returned|gave back) everything i borrowed|di de baja (?:el|mi) (?:celular|cel|telefono|linea)"
    r"|(?:pact|pacto) (?:\S+ ){0,8}?(?:if|si) (?:\S+ ){0,10}?(?:we (?:both )?go|both go|nos vamos|irnos|nos matamos"
    r"|we die"
    r"|morimos)|firm\w* (?:la|el|mi) (?:troca|carro|camioneta|moto|coche) a"
    r"|(?:dogs?|cats?|perros?|gatos?|perrit[oa]s?|gatit[oa]s?) (?:\S+ ){0,3}?(?:new homes?|nuevo hogar|otro hogar)"
    r"|ya no (?:te|les|le) (?:contesto|respondo|voy a contestar|voy a responder|contestar|responder)\b"
    r"(?! (?:hasta|porque|que|por))|(?:nada de esto|no) es (?:tu|su) culpa|(?:none of this|it's not|it isn't"
    r"|its not)"
    r" (?:is )?your fault"
    # no one sent to look, a trip with no way back, a title signed over, a voice heard one last time
    r"|(?:don'?t|dont|do not) (?:send|call) (?:anyone|anybody|the cops|the police|911)(?! (?:to|for|over|out)\b)"
    r"|no (?:manden|mandes|llamen|llames) (?:a nadie|a la policia)"
    r"|(?:pa|para) que no me (?:encuentren|hallen|busquen|encontrar)|so (?:no one|nobody) (?:finds|can find"
    r"|will find) me|no me (?:busquen|buscar)(?! (?:a|en|hasta|antes|despues|por|mas tarde|manana)\b)"
    r"|(?:pero|but) (?:sin vuelta|sin regreso|no coming back|not coming back)"
    r"|(?:signed|sign|signing) (?:over )?(?:my|the) (?:\S+ ){0,2}?(?:title|deed|truck|car|house|boat) (?:\S+ )?over to"
    r"|(?:le )?(?:traspase|traspasar) (?:el|la|mi|mis|los) \S+ a (?:mi|mis|su)"
    r"|(?:hear|oir|escuchar) (?:\S+ ){0,3}?(?:voice|voices|voz|voces) (?:\S+ ){0,2}?(?:one (?:more|last) time"
    r"|una (?:ultima )?vez mas|por ultima vez)"
    # a file closed, a goodbye with no next time
    r"|(?:you )?can close my (?:file|case)|(?:cierren|pueden cerrar|cerrar) mi (?:caso|expediente)"
    r"|see (?:you|u|ya) never)",
    # oil or acid thrown, a blade held to the throat, shots fired at one's home
    # an abuser who comes armed
    "VIOLENCE": r"(?:"
    r"(?:ex|partner|husband|boyfriend|stepdad|esposo|novio|marido|pareja|padrastro) (?:\S+ ){0,6}?(?:with|has|had|con"
    r"|trae|tiene|tenia) (?:a |un |una )?(?:knife|gun|pistol|cuchillo|pistola|arma|machete)\b(?! (?:show|class|clase"
    r"|sharpen))|"
    r"(?:anda|esta|viene|andaba) armad[oa]|(?:ya )?trae (?:cuete|fierro|pistola|arma|navaja)|(?:is|was|he's"
    r"|she's) armed|(?:has|had|got) a gun on (?:him|her)|"
    r"(?:threw|throws|thrown|poured) (?:\S+ ){0,4}?(?:oil|grease|boiling water|acid|bleach) (?:at|on|over) me|"
    r"me (?:tiro|echo|avento|lanzo) (?:\S+ ){0,3}?(?:aceite|agua hirviendo|acido|cloro)|"
    r"(?:puso|pone|puse|put|held|holds|holding|pressed|pointed) (?:\S+ ){0,2}?(?:cuchillo|navaja|knife|blade|pistola"
    r"|gun|arma) (?:\S+ ){0,2}?(?:en|a|to|against|at) (?:la |el |my |mi |his |her )?(?:garganta|cuello|cabeza|pecho"
    r"|throat|neck|head|chest)|"
    r"(?:shooting|shot|shoot|firing) (?:at|up) (?:our|my|the|his|her) (?:block|house|street|building|car|door|window"
    r"|home)|"
    r"(?:disparando|disparan|dispararon|balearon|balean) (?:a |contra |hacia )?(?:la|mi|nuestra|el|nuestro) (?:casa"
    r"|cuadra|calle|edificio|carro|puerta|ventana|barrio)|"
    r"choke (?:me|my)|strangle (?:me|my)|choking me|strangling me|hands? (?:on|around|round"
    r"|at) my (?:throat|neck)|pillow over my face|(?:gonna|going to"
    r"|will|would|said he'd|said she'd|threaten(?:ed)? to) kill me"
    r"|(?:gonna|going to|go to|will|'ll|wants to|threaten(?:ed)? to|tried to) (?:shoot|stab|strangle|choke|burn) (?:me"
    r"|us)\b"
    r"|me (?:apretar|apreto|agarro|encerro|encerrar) (?:el cuello|a fuerzas)|kill me (?:if|when|next)|beat me"
    # a threat of what a boss or a landlord may do is no threat to life: "threatened to fire me"
    r"|threaten(?! to (?:fire|sue|evict|report|dock|write (?:me |us )?up|ground|take (?:me|us|him|her) to court)\b)"
    r"|hit me(?! up)|punch(?:ed)? me|push(?:ed)? me|hurt me|knife out|knock(?:ed|ing)? me (?:around|out)"
    r"|broke my (?:nose|jaw|ribs?|arm|wrist)|me (?:rompio|quebro) (?:la nariz|la mandibula|el brazo|las costillas)"
    r"|pull(?:ed)? (?:a gun|a knife|it|the gun|his gun|her gun) on me|gun (?:to|at|on) (?:me|my)|afraid of (?:him"
    r"|her)"
    r"|scared of (?:him|her)|(?<!no )me (?:pegar|golpear|amenazar|asfixiar|empujar|ahorcar|mata|matar)|del cuello"
    r"|me va a matar|me ir a matar|me mata|(?:me|nos) (?:van a|va a|ir a) (?:dar|pegar|meter) un (?:tiro|balazo"
    r"|plomazo)"
    r"|me arrastr\w* (?:del|por el) (?:pelo|cabello)|dragged me by (?:my|the) hair|left (?:a )?bullet|dej\w* una bala"
    # a death threat told as a state: "me tienen amenazado de muerte por una deuda", "getting death threats"
    r"|(?:amenazad[oa]s?|amenazas?) de muerte|me (?:tienen|tiene|tenian|tenia) amenazad[oa]|death threats?"
    r"|(?:grabbed|held|choked|squeezed) me by the (?:neck|throat)|(?:foto|photo|pic|picture) (?:de|of) (?:un|una|su|a"
    r"|his|her)"
    r" (?:arma|pistola|gun)|(?:threw|slammed|shoved) me (?:against|into) (?:the )?(?:wall|floor)"
    r"|me (?:avento|aventar|tiro|lanzo|empujo) contra (?:la pared|el piso|el suelo)|luz verde (?:sobre|pa|para"
    r"|contra) (?:mi|me)|green ?light on me"
    r"|balacearon|(?:shots|shooting|disparos|balazos) (?:\S+ ){0,3}?(?:outside my|afuera de (?:mi|la) casa|at (?:my"
    r"|our)"
    r" (?:house|place|door))|(?:bullet|bala) (?:\S+ ){0,3}?(?:window|ventana)|(?:window"
    r"|ventana) (?:\S+ ){0,2}?(?:got hit"
    r"|shot)|followed me (?:\S+ ){0,4}?(?:home|to my|from)|me siguieron (?:hasta|a) (?:mi|la) (?:casa|cuarto)"
    r"|(?:show|showed|shows|lifted his shirt to show) (?:me )?(?:the|his|a|her) (?:piece|strap|gun|fierro)"
    r"|me dieron (?:la )?luz verde(?! (?:para|pa))|paperwork on me|they know (?:my car|where i (?:live|work|stay))"
    r"|saben (?:donde|dónde) (?:chambeo|vivo|trabajo|estoy|duermo)"
    r"|me (?:apunalaron|acuchillaron|picaron|navajearon|filerearon)|(?:got|been|was) stabbed|stabbed me"
    r"|(?:un coche|un carro|a car|a truck|someone|alguien|a guy|un tipo|un hombre) (?:\S+ ){0,3}?(?:me sigue|me esta"
    r" siguiendo|is following me|keeps following me|me persigue)|la siguiente soy yo|el siguiente soy yo"
    r"|(?:me )?(?:ensenaron|ensenar|enseno|mostraron|mostro|mostrar) (?:el|la|un|una|su) (?:arma|pistola|fierro"
    r"|cuchillo|navaja)|showed me (?:a|the|his|her|their) (?:gun|knife|piece|pistol)"
    r"|(?:dar ?me|me (?:van|va|ir) a dar|me dan) piso|(?:put|is|there's|theres|got) a hit (?:out )?on me"
    # held by the neck
    r"|(?:had|grabbed|pinned|held|pushed|shoved|threw|have|grab|pin|hold|push|shove|throw) (?:me|her"
    r"|him) (?:\S+ ){0,5}?(?:by|around) (?:my|the|her|his) (?:neck|throat)"
    r"|me (?:agarro|agarra|agarrar|tenia|tener|tuvo|apreto|aprieta|apretar) (?:\S+ ){0,4}?(?:del|por el) cuello"
    # men who follow, or found where one sleeps
    r"|(?:manes|tipos|hombres|guys|men|dudes|los de la mara|mareros|pandilleros|la mara"
    r"|the gang) (?:\S+ ){0,3}?(?:me siguen|me persiguen|me seguir|me perseguir|following me|me encontraron"
    r"|me encontrar|found me|found where)"
    r"|ya me (?:dispararon|balearon|apunalaron|disparar|balear))",
    # someone else's goodbye on the phone: 'dijo que esta era la última llamada'
    "OTHERS_RISK": r"(?:"
    r"(?:dijo|said|say|to say|saying|told me|me dijo) (?:que )?(?:esta|this|it) (?:era|was|is|would be) (?:la|the|his"
    r"|her|su) (?:ultima|last) (?:llamada|call|vez que (?:\S+ ){0,2}?(?:hablamos|llamaba)|time (?:he|she) (?:calls"
    r"|called|would call))|"
    r"kill (?:himself|herself|themselves)|(?:intentar|intent\w*|tratar|trat\w*|quiso|querer|quiere"
    r"|queria) (?:\S+ ){0,8}?(?:pa|para) (?:tirarse|matarse|colgarse|ahorcarse|suicidarse|aventarse)"
    r"|talk (?:\w+ )?about (?:kill|die|suicide|end)"
    r"|wants to die|want(?:s)? to end (?:his|her|their)|cut (?:his|her|their) (?:wrists?|arms?|throat)|(?:is|was"
    r"|keeps) cutting|cut (?:himself|herself|themselves)"
    r"|turn(?:ing)? blue|not breathing|isn't breathing|won't wake|nod(?:ded)? out|unresponsive"
    r"|(?:been |is |was |keeps )?(?:choking|choked|strangling|strangled) (?:her|him|them|my (?:daughter|son|mom|mother"
    r"|sister|wife|kid|child|girl|boy))|(?:la|lo) (?:estaba|esta|anda) (?:ahorcando|estrangulando)"
    r"|se (?:querer|quiere|quiso|queria|ir a|va a|pensar|piensa|ir) (?:a )?(?:colgar|matar|morir|tirar|ahorcar|cortar"
    r"|suicidar|aventar)"
    r"|se (?:tira|tirar|avienta|aventar|cuelga|colgar) (?:por|de|del|desde) (?:la ventana|el puente|el balcon"
    r"|la azotea"
    r"|el techo|las vias)"
    r"|(?:is|keeps|was|been) beating (?:her|him|my \S+)|(?:le|la|lo) (?:esta )?(?:pegando|golpeando)|le (?:pego"
    r"|golpeo) a (?:mi|su) (?:mama|madre|hermana|esposa|mujer)"
    r"|se (?:esta )?cortar(?! (?:el|la|los|las) (?:dedo|dedos|mano|una|pelo|cabello|luz|agua|internet|gas|senal"
    r"|llamada|linea|cable"
    r"|corriente|electricidad|wifi|servicio))|no respira|no (?:despierta|reacciona|contesta)"
    # a goodbye posted for friends
    r"|(?:subio|subido|subir|publico|publicar|posted|post|put up|puso|poner) (?:\S+ ){0,3}?(?:historia|story|post"
    r"|video|mensaje|message|estado) (?:\S+ ){0,2}?(?:despidiendose|despidiendo|despedir|goodbye|de despedida"
    r"|saying goodbye)"
    # someone close who says they no longer want to live, or posts a goodbye
    r"|(?:dice|dijo|decir|says|said|say) (?:que )?(?:ya )?no quiere (?:vivir|seguir|estar aqui)|(?:ya )?no (?:quiere"
    r"|querer) (?:vivir|seguir viviendo)|(?:says|said) (?:she|he) (?:doesn'?t|does not|don'?t) want to (?:live|be here"
    r"|go on)"
    r"|see you on the other side|nos vemos (?:del|en el) otro lado"
    # "mi señora dice que se mata si me voy", "me llamó llorando que esta noche se mata"
    r"|(?:dice|dijo|decir|amenaza|amenazo|amenazar|llorando|grita|gritando) (?:con )?que (?:(?:hoy|ya|esta noche"
    r"|manana|ahorita|ahora) )?se (?:mata|matar|suicida|suicidar|cuelga|colgar)\b(?! (?:el|la|los|las|lo|un|una|del"
    r"|de|en|a|al|con|trabajando|estudiando|entrenando|corriendo|haciendo)\b))",
    # a body in danger now: a heart rate in the 30s, days without food, someone lost for hours in the cold,
    # cleaning products in a drink
    # a seizure alone and confused, pills taken with drink, a whole box swallowed, how many forgotten
    # pills mixed with drink or with other pills
    "EMERGENCY": r"(?:"
    r"(?:mezcle|mixed|mezclando|mixing|mezclar) (?:\S+ ){0,3}?(?:pills|pastillas|clonas|clonazepam|metadona|methadone"
    r"|xanax|benzos|fentanyl|fentanilo|oxy|percs|xans) (?:\S+ ){0,3}?(?:con|with|and|y) (?:\S+ ){0,3}?(?:alcohol"
    r"|mezcal|tequila|vodka|ron|wine|vino|beer|cerveza|booze|whiskey|whisky|metadona|methadone|pills|pastillas|xanax"
    r"|benzos)|"
    r"(?:mezcle|mixed|mezclando|mixing|mezclar) (?:\S+ ){0,3}?(?:alcohol|mezcal|tequila|vodka|ron|wine|vino|beer"
    r"|cerveza|booze|whiskey|whisky) (?:\S+ ){0,3}?(?:con|with|and|y) (?:\S+ ){0,3}?(?:pills|pastillas|clonas"
    r"|clonazepam|metadona|methadone|xanax|benzos|fentanyl|fentanilo|oxy|percs|xans)|"
    r"(?:fit|seizure|convulsion\w*|ataque epileptico) (?:\S+ ){0,10}?(?:confused|confundid[oa]|can'?t stop shaking"
    r"|no paro de temblar|on my own|by myself|sol[oa])|"
    r"(?:tome|bebi|me tome|me bebi|took|drank|swallowed) (?:\S+ ){0,3}?(?:(?:de )?las de (?:dormir|la ansiedad"
    r"|los nervios)|relajantes|muscle relaxers) (?:\S+ ){0,4}?(?:con|with|y|and) (?:\S+ ){0,2}?(?:ron|vodka|tequila"
    r"|alcohol|cerveza|vino|whisky|guaro|pisco|presidente|beer|wine|booze|whiskey|rum)|"
    r"(?:me bebi|me tome|drank|took) (?:el|la|the|a|un|una) (?:pote|frasco|bote|caja|bottle|box) (?:\S+ ){0,2}?(?:de"
    r"|of) (?:\S+ ){0,2}?(?:relajantes|pastillas|pills|muscle relaxers|tablets)|"
    r"no me acuerdo cuantas|(?:can'?t|don'?t|cant|dont) remember how many (?:i took|pills)|"
    r"(?:heart ?rate|pulse|pulso|ritmo cardiaco) (?:\S+ ){0,3}?(?:is |was |of |at |de |en )?(?:[12]\d"
    r"|3[0-9])\b(?! (?:min|minutes|minutos|years|anos|days|dias))|"
    r"(?:haven'?t|have not|hasn'?t|havent) (?:eaten|had (?:any )?food) (?:\S+ )?(?:in|for) (?:[6-9]|\d\d|(?:a|two"
    r"|three) weeks?) days|"
    r"no (?:he|ha|hemos) comido (?:nada )?(?:en|desde hace) (?:[6-9]|\d\d) dias|"
    r"(?:lleva|llevan|llevamos|has been|have been|been) (?:\S+ ){0,2}?(?:horas|hours) (?:perdid[oa]s?|missing"
    r"|desaparecid[oa]s?)|"
    r"(?:wandered off|se salio|se escapo|se perdio|got out) (?:\S+ ){0,6}?(?:hours|horas) (?:\S+ ){0,8}?(?:lluvia"
    r"|lloviendo|rain|raining|frio|cold|snow|nieve|pantuflas|slippers|no sabe|doesn't know|doesnt know)|"
    r"(?:sanitizer|bleach|cloro|lejia|antifreeze|anticongelante|desinfectante|gel antibacterial|raid|veneno"
    r"|poison) (?:\S+ ){0,4}?(?:into|in|en) (?:my|mi|el|the) (?:\S+ )?(?:drink|bebida|trago|cafe|coffee|vaso|cup|taza"
    r"|soda|refresco)|"
    r"turn(?:ing|ed|s)? (?:blue|purple|gray|grey)|(?:se (?:esta )?puso|poniendo|poner) (?:morad[oa]"
    r"|azul|gris)|not breathing|can't breathe|chest (?:pain|hurts)|heart (?:is )?(?:doing|racing"
    r"|pounding|stop|skipping)|can't feel my|how many i (?:take|took)|take (?:all|everything|the whole|too many)"
    r"|took (?:all|everything|the whole|too many)(?! (?:house|day|night|morning|afternoon|evening|weekend|week|shift"
    r"|roof|trailer|place|family|crew|kids))|everything (?:is )?spinning|mareada|mareado"
    r"|mix(?:ing|ed)? (?:\S+ ){0,3}?(?:with|and|con|y) (?:\S+ )?(?:alcohol|booze|drinks?|vodka|whiskey|tequila|pills"
    r"|meds"
    r"|benzos|xanax|pastillas)|vomit\w* (?:\S+ )?(?:sangre|blood)|throwing up blood|corazon se me sale"
    r"|bleed\w* (?:thru|through) (?:a |the )?pads?|soaking (?:a |the )?pads?|(?:feel|feeling) (?:really |very "
    r"|so )?faint"
    r"|(?:no|without|sin) (?:insulin|insulina) (?:\S+ ){0,2}?(?:days?|dias?)|cuello morado"
    r"|me tomar (?:todo|todas)|tomar todo"
    # a body in danger now: blue lips, no breath, a heart or a stroke, an overdose, blood that will not stop
    r"|(?:lips?|face|skin|labios|cara) (?:\S+ ){0,2}?(?:blue|azul|azules|morad[oa]s?)|(?:go|went|gone|going) blue"
    r"|(?:barely|can't|cannot|cant|not|isn't|no) (?:\S+ )?breath(?:e|ing)\b|breath(?:e|ing) (?:weird|funny|strange)"
    r"|no (?:puede |puedo |poder )?respir\w*|(?:left )?arm (?:\S+ )?(?:numb|dormido)|brazo (?:\S+ )?(?:dormido"
    r"|entumido)"
    r"|(?:dolor|doler|duele) (?:\S+ ){0,3}?pecho|chest (?:\S+ )?(?:crush|crushing|tight|squeez\w*)"
    r"|(?:face|cara) (?:\S+ ){0,3}?(?:droop\w*|caer|cayo|caida|chueca)|(?:caer"
    r"|cayo) (?:\S+ ){0,2}?cara(?! de (?:verguenza|pena))|slurr\w*"
    r"|narcan (?:\S+ ){0,2}?(?:not|isn't|ain't|aint|no) work\w*|(?:won't|wont|not|isn't|no) (?:wake|waking) up"
    r"|unresponsive|no reacciona|no despierta|overdos\w*|sobredosis"
    r"|no se (?:despierta|despertar)|no (?:la|lo|le) (?:puedo|podemos|poder) despertar|(?:esta|se puso|anda)"
    r" (?:violeta|morad[oa]|azul)"
    r"|(?:bleed|bleeding|sangrar|sangrando) (?:\S+ ){0,2}?(?:a lot|bad|badly|mucho|heavy|everywhere)"
    r"|(?:won't|wont|doesn't|not) stop (?:the )?bleed\w*|no (?:para|deja|dejar|parar) de sangrar|mucha sangre"
    r"|blood everywhere"
    r"|seizure|convulsi\w*"
    r"|ni (?:tomo|bebo) agua|no (?:he )?(?:tomado|bebido) agua (?:\S+ ){0,3}?(?:desde|en)"
    r"|no como desde hace (?:una semana"
    r"|\d+ dias|dias)|(?:passed out|me desmaye|fainted|blacking out) (?:\S+ ){0,8}?(?:haven'?t eaten|no he comido"
    r"|sin comer)"
    r"|(?:pulsaciones|pulse|heart rate|pulso) (?:\S+ ){0,2}?(?:1[5-9]\d|2\d\d)(?!\S)|(?:me estoy|estoy) desmayando"
    r"|i'?m (?:passing|blacking) out|vision (?:is )?going black|manure pit|fosa (?:del|de) estiercol|fosa septica"
    r"|(?:isn't|not|neither one is|no one is) coming (?:back )?up|(?:y|and) no se mueve|(?:tractor|truck|car|troca"
    r"|carro)"
    r" (?:\S+ ){0,3}?encima|pinned under|(?:sugar|azucar|glucose|glucosa) (?:is )?(?:very |so |super |muy "
    r"|bien )?(?:low"
    r"|baja)(?! carb) (?:\S+ ){0,4}?(?:confused|confundid\w*|shaking|temblando|can'?t find|no encuentro|sweating"
    r"|sudando)"
    r"|espuma por la boca|(?:echa|echando) espuma|foaming at the mouth|ictus|derrame cerebral|boca torcid\w*"
    r"|boca torcia"
    r"|(?:se (?:me|le) (?:esta )?cerrando|closing up|closing|swelling) (?:\S+ )?(?:la garganta|my throat|her throat"
    r"|his throat)|throat (?:is )?(?:closing|swelling)|lengua (?:\S+ )?hinch\w*|tongue (?:is )?swelling"
    r"|bolsa (?:de plastico )?en la cabeza|(?:plastic )?bag (?:over|on) (?:his|her|my|their) head"
    r"|can'?t catch (?:my|his|her) breath|fever (?:of )?10[4-9]|fiebre de (?:40|41|42)"
    r"|(?:swallowed|se tomo|se trago|me trague) (?:\S+ ){0,2}?(?:whole|entire|todo el|toda la) (?:\S+ ){0,2}?"
    r"(?:blister|pack|bottle|frasco|caja)|ambulance (?:is )?(?:\S+ ){0,2}?(?:away|coming|on (?:its|the) way)"
    r"|ambulancia (?:\S+ ){0,2}?(?:viene|en camino|tarda)"
    r"|(?:he|she|he's|she's|hes|shes) (?:ain't|aint|isn't|isnt|is not|not) (?:moving|breathing)|ya no se mueve"
    r"|blood (?:\S+ ){0,2}?(?:out of|from|outta) (?:his|her|the) (?:ears?|mouth|nose)"
    r"|sangre (?:\S+ ){0,2}?(?:del oido|de la oreja|por el oido|por la oreja|por los oidos)"
    r"|(?:breath\w*|respir\w*) (?:\S+ ){0,2}?(?:slow|shallow|lento|lenta|bien lento|muy lento)|nodding (?:hard|off|out)"
    r"|(?:fifth|bottle|botella|six ?pack|vodka|whiskey|tequila|beers|cervezas|drinks|pint|mezcal|caguama\w*)"
    r" (?:\S+ ){0,4}?(?:and|y|plus|con|then|luego) (?:\S+ ){0,2}?(?:took|tome|me tome|swallowed|popped|tomar)"
    r" (?:\S+ ){0,3}?(?:pills|pastillas|meds|xanax|benzos|sleeping|pildoras|percs)"
    r"|(?:took|taken|tome|me tome) (?:a |un )?(?:handful|punado|punado de)"
    r"|(?:ya )?no siento (?:los|mis|las) (?:pies|piernas)|(?:\d+|dos|tres|two|three) (?:dias|days) (?:sin poder"
    r"|without being able to) (?:levantar\w*|get up|move|mover\w*)"
    r"|(?:waiting for|esperando) (?:the |a |la )?(?:ambulance|ambulancia)"
    # a fall with no getting up, a body that fails: heat stroke, fainting, a heart running away
    r"|(?:fell|fallen|fall|caer|caido|cai|caida) (?:\S+ ){0,8}?(?:can't|cant|cannot|no (?:me )?(?:puedo|poder)"
    r"|unable to)"
    r" (?:get up|move|reach|levantar\w*|mover\w*|llegar)|(?:hip|cadera) (?:\S+ )?(?:broke|broken|rota|rompi\w*)"
    r"|(?:not|stopped|no longer) sweating|(?:dejo de|ya no|no) sudar?|(?<!almost )(?<!nearly )(?:fainted|me desmaye)"
    r"|heart (?:\S+ ){0,2}?(?:180|200|skipping|going crazy)|corazon (?:\S+ ){0,3}?(?:raro|acelerado|loco"
    r"|saltandose latidos)"
    # a stroke, a sugar far too low, days without dialysis, blood that sprays, someone given CPR
    r"|(?:mitad|lado) de (?:la )?cara|(?:half|one side) (?:of )?(?:my|his|her|the) face"
    r"|(?:sugar|glucose|azucar|glucosa) (?:\S+ ){0,3}?[1-4]\d(?!\S)|(?:glucometro|glucometer|meter) (?:\S+ ){0,2}?"
    r"(?:dice|says|reads|marca|decir|say|read) (?:hi|lo)(?!\S)"
    r"|(?:days?|dias?) (?:no|sin|without) (?:dialysis|dialisis)|(?:skip|skipping|skipped|saltar|saltando) (?:\S+ )?"
    r"(?:dialysis|dialisis)|sangre (?:\S+ ){0,4}?a chorros|(?:spraying|squirting|gushing|pouring|spray|squirt|gush"
    r"|pour)"
    r" (?:\S+ )?blood|bleed\w* (?:\S+ )?(?:won't|wont|will not|doesn't|isn't) stop|sangre (?:\S+ ){0,3}?y no para"
    r"|(?:doing|giving|do|give|haciendo|hacer|hacen|dando|dar|started|start) (?:him |her |le |the )?(?:cpr|rcp)"
    r"(?! (?:class|course|training|recert\w*|certif\w*|clase|curso|capacitacion))"
    # drink and pills taken together, blisters swallowed, a week's dose at once, oxygen run out, a stroke,
    # choking, someone lost at night in the rain
    r"|(?:mezcle|mezclar|mixed|mix|tome|me tome|tomar|bebi|me bebi|beber|he bebido|me he bebido|me haber beber|eche"
    r"|me eche|echar|meti|me meti|me he metido|meter|trague|me trague|tragar|took|take|drank|drink|downed|swallowed"
    r"|swallow|chugged) (?:\S+ ){0,4}?(?:alcohol|ron|rum|guaro|ginebra|gin|tequila|vodka|whisky|whiskey|hennessy"
    r"|aguardiente|pisco|mezcal|brandy|licor|conac|cognac|booze|botella|bottle|fifth|media|half) (?:\S+ ){0,4}?(?:con"
    r"|with|and|y|plus|on top of|encima de) (?:\S+ ){0,3}?(?:pastillas?|pildoras?|pills|tranquilizantes?|calmantes?"
    r"|somniferos?|sleeping pills|benzos|xanax|clonazepam|clonas|rivotril|alprazolam|diazepam|valium|lorazepam|ativan"
    r"|percs|percocet|oxy|meds|relajantes?|tabletas?|las de dormir)"
    r"|(?:mezcle|mezclar|mixed|mix|tome|me tome|tomar|bebi|me bebi|beber|he bebido|me he bebido|me haber beber|eche"
    r"|me eche|echar|meti|me meti|me he metido|meter|trague|me trague|tragar|took|take|drank|drink|downed|swallowed"
    r"|swallow|chugged) (?:\S+ ){0,6}?(?:pastillas?|pildoras?|pills|tranquilizantes?|calmantes?|somniferos?"
    r"|sleeping pills|benzos|xanax|clonazepam|clonas|rivotril|alprazolam|diazepam|valium|lorazepam|ativan|percs"
    r"|percocet|oxy|meds|relajantes?|tabletas?|las de dormir) (?:\S+ ){0,6}?(?:con|with|and|y|plus|on top of"
    r"|encima de) (?:\S+ ){0,3}?(?:alcohol|ron|rum|guaro|ginebra|gin|tequila|vodka|whisky|whiskey|hennessy|aguardiente"
    r"|pisco|mezcal|brandy|licor|conac|cognac|booze|botella|bottle|fifth|media|half)"
    r"|(?:mezcle|mezclar|mixed|mix|tome|me tome|tomar|bebi|me bebi|beber|he bebido|me he bebido|me haber beber|eche"
    r"|me eche|echar|meti|me meti|me he metido|meter|trague|me trague|tragar|took|take|drank|drink|downed|swallowed"
    r"|swallow|chugged) (?:\S+ ){0,2}?(?:\d+|dos|tres|cuatro|cinco|varios|varias|two|three|four|five"
    r"|several) (?:blisters?|tiras|strips|sheets|(?:cajas|frascos|boxes|bottles|packs) (?:de"
    r"|of) (?:\S+ )?(?:pastillas?|pildoras?|pills|tranquilizantes?|calmantes?|somniferos?|sleeping pills|benzos|xanax"
    r"|clonazepam|clonas|rivotril|alprazolam|diazepam|valium|lorazepam|ativan|percs|percocet|oxy|meds|relajantes?"
    r"|tabletas?|las de dormir))"
    r"|(?:todo|toda|todas|todos) (?:el|la|las|los) (?:\S+ ){1,2}(?:de (?:la|el|toda la) )?(?:semana"
    r"|mes) (?:\S+ ){0,2}?(?:en un (?:dia|rato)|de (?:golpe|una)|junt[oa]s)"
    r"|(?:a|the) (?:whole )?(?:week'?s|month'?s) (?:worth|supply)(?: of \S+)? (?:\S+ ){0,2}?(?:at once|in one go"
    r"|in one day|all together)"
    r"|(?:oxygen|oxigeno) (?:\S+ ){0,2}?(?:ran out|run out|se acabo|se termino|acabar|terminar)"
    r"|(?:out of|ran out of|run out of|sin|se (?:le |nos |les )?acabo el) (?:\S+ )?(?:oxygen|oxigeno)|(?:concentrador"
    r"|oxygen machine|concentrator) (?:\S+ ){0,4}?(?:se apago|apagado|apagar|stopped|died|off)"
    r"|se (?:esta |estaba )?ahogando(?! en)|(?:is|she's|he's|shes|hes) (?:choking|suffocating)"
    r"|(?:no mueve|can'?t move|cant move|no puede mover|no poder mover) (?:\S+ ){0,2}?(?:la mano|el brazo|la pierna"
    r"|(?:his|her) (?:right |left )?(?:arm|hand|leg)|the (?:right|left) side)"
    r"|se le (?:traban|traba|trabar) (?:las palabras|la lengua)|(?:words|speech) (?:\S+ )?(?:slurred|jumbled|garbled)"
    r"|no (?:la|lo) (?:encontramos|encuentro|encuentran|encontrar|hallamos) (?:\S+ ){0,8}?(?:lloviendo|llover|lluvia"
    r"|frio|noche|oscuro)|(?:can'?t|cant|cannot) find (?:her|him) (?:\S+ ){0,8}?(?:rain|raining|cold|dark|night|snow)"
    # too much taken, a whole supply swallowed, sugar falling, pressure in the chest, a blood pressure past 200,
    # days without food or medicine, a baby gone limp
    r"|(?:i )?took too much(?! (?:time|work|on|off|of (?:my|the|his|her) (?:time|day)))|swallowed (?:all|everything"
    r"|the whole)"
    r"|(?:me|le) (?:bajo|baja|bajar) (?:el|la) (?:azucar|glucosa) (?:\S+ ){0,4}?(?:temblando|sudando|confundid\w*"
    r"|no veo|mareado|marear)"
    r"|(?:elefante|peso|presion) en el pecho|se me (?:duerme|dormir) la (?:quijada|mandibula)|(?:jaw|quijada"
    r"|mandibula) (?:is |esta )?(?:numb|dormida)"
    r"|(?:bp|presion|blood pressure|tension) (?:is |de |at |a )?(?:2\d\d|19\d)\b"
    r"|(?:llevo|lleva|llevar) (?:\d+|dos|tres|cuatro|cinco|seis) dias sin comer"
    r"|went (?:all )?floppy|(?:se puso|se quedo) (?:como )?(?:flacid[oa]|desmadejad[oa])|(?:shaking|shakes|shook"
    r"|sacude|zarandea) (?:the baby|him|her|al bebe|a la guagua) (?:\S+ ){0,3}?(?:cries|crying|llora)"
    # a handful swallowed and not knowing how many, another person's pills, the last of a comfort kit, a mouth
    # that droops
    r"|(?:swallowed|took|tome|me tome|me trague|tragar|tomar|take|swallow) (?:a bunch|a handful|a lot|a ton|un monton"
    r"|un punado|un chingo|bastantes) (?:of |de )?(?:\S+ ){0,4}?(?:pastillas?|pildoras?|pills|meds|medicinas?"
    r"|medication|tablets|tabletas?)"
    r"|(?:idk|i don'?t know|dont know|no se|ni se|no saber) (?:how many|cuantas)(?! (?:times|veces|people|personas"
    r"|days|dias|hours|horas)\b)"
    r"|(?:me tome|tome|tomar|me trague|took|take|swallowed|swallow) (?:\S+ ){0,1}?(?:pastillas?|pildoras?|pills|meds"
    r"|medicinas?|medication|tablets|tabletas?) (?:\S+ ){0,4}?de mi (?:abuel[oa]|mama|papa|ama|apa|tia|tio|hermana"
    r"|hermano|esposo|esposa|suegra|suegro)"
    r"|(?:took|take|swallowed|swallow) (?:\S+ ){0,2}?(?:mom'?s|moms|dad'?s|dads|grandma'?s|grandmas|grandpa'?s|wife'?s"
    r"|husband'?s|brother'?s|sister'?s|roommate'?s) (?:\S+ ){0,3}?(?:pastillas?|pildoras?|pills|meds|medicinas?"
    r"|medication|tablets|tabletas?)(?! (?:to|back|out|in|into|off|away)\b)"
    r"|(?:took|take|tome|me tome|tomar) (?:whatever (?:was )?left|what was left|lo que quedaba|lo que (?:me )?quedaba)"
    r"|se me (?:cae|caer|cayo|esta cayendo) la (?:boca|cara))",
    "RELAPSE": r"(?:relapse|relapsed|use|used|using|pick up|picked up|high|shoot(?:ing)? up|slip|slipped|drink|drank"
    r"|drinking|bender|recaer|consumir|drogar|inyectar|beber|tomar de nuevo)",
    "ALONE": r"(?:alone|by myself|nobody|no one|no-one|noone|solo|sola|nadie)",
    # one's own life as the last thing to lose, or held by one thread: 'lo único que me amarra aquí'
    # not to be taken alive: 'they'll have to carry me out in a bag'
    # worth more dead, better if I died, a life cycle complete, out of reasons, a way out nobody can stop, called home
    # hoping an illness takes one, following someone who is dying, no reason left to stay
    "PASSIVE": r"(?:"
    r"(?:hope|hoping|wish|ojala|ojala que) (?:\S+ ){0,5}?(?:kills me|takes me|me mata|me lleve|me mate|me matara)|"
    r"when (?:he|she|they) go(?:es)? (?:, )?i go|cuando (?:el|ella) se (?:vaya|muera) (?:, )?me voy (?:yo )?(?:tambien"
    r"|con)|"
    r"no reason (?:left )?to (?:stay|live|keep going|be here)|ya no (?:hay|tengo) (?:razon|motivo)s? (?:para"
    r"|pa) (?:seguir|quedarme|vivir)|"
    r"worth more (?:\S+ ){0,3}?(?:dead|gone)|(?:valgo|valdria) mas muert[oa]|better if i (?:just )?(?:die|died|was dead"
    r"|wasn'?t here)|"
    r"mejor si (?:yo )?(?:me muero|muero|no estuviera|desaparezco)|(?:ya )?cumpli mi ciclo|(?:i'm|im) out of reasons"
    r"|(?:found|have|got) a way out (?:that|nobody|no one)|(?:lord|god|dios|senor) (?:\S+ ){0,3}?(?:call|take|calls"
    r"|takes) me home|(?:go|going) on my own (?:then|now)?|"
    r"(?:carry|take|wheel|drag) me out (?:\S+ ){0,2}?(?:in a (?:body )?bag|feet first|in a box)|"
    r"(?:sacarme|me sacan|me van a sacar) (?:\S+ ){0,2}?(?:en (?:una )?bolsa|con los pies (?:por )?delante"
    r"|en (?:un )?cajon)|"
    r"(?:only|last) thing (?:left )?(?:(?:i have|i've got) )?(?:left )?to lose is (?:me|myself|my life)|"
    r"(?:my life|myself) (?:is|'s) (?:the )?(?:only|last) thing (?:i have )?left(?: to lose)?|"
    r"(?:i'm|i am|im|feel like (?:i'm|im|i am)) (?:just |only )?taking up (?:space|room|air)|"
    r"(?:se me acabaron|ya no tengo|no tengo) (?:las )?ganas (?:\S+ ){0,3}?(?:hasta|ni) (?:de|pa|para) respirar|"
    r"(?:lo unico|la unica|el unico) (?:que|q) me (?:amarra|ata|tiene|detiene|mantiene) (?:aqui|aca|en este mundo"
    r"|viv[oa])|"
    r"(?:only (?:thing|one|reason)) (?:keeping|that keeps|holding|that holds) me (?:here|alive|around|in this world)|"
    r"whatever happens|not coming back(?! (?:to|for|until|till|after|here|in|on))|not bringing (?:it|her"
    r"|him|the \S+) back|let(?:ting)? nature take|if i go i go"
        r"|let it happen|let it take me|hope it takes me|idc if|don't care if"
    r"|dont care if|(?:don't|dont|do not) (?:really |even )?care if|no paso de (?:este|esta|hoy|manana)"
    r"|(?:should have|shoulda|should've) taken me|took me instead|(?:llevar|llevara|llevado) a mi (?:y no|en vez)"
    r"|(?:se|me) (?:tenia|tendria|debia) que llevar a mi"
    r"|(?:i )?get it more (?:every|each)|(?:entiendo|comprendo) (?:cada vez mas|mejor) (?:por que|porque) lo hizo"
    r"|understand why (?:he|she|they) did it|(?:nobody|no one|nadie) (?:will|would|is gonna|gonna|va a) (?:miss"
    r"|extranar)"
    r" (?:me|a \S+|a un \S+)|(?:i'll|ill|i will) be with (?:\S+ )?(?:by then|soon|again|at last)"
    r"|(?:subo|subir) (?:\S+ ){0,4}?y no (?:bajo|bajar)"
    r"|(?:haven't|havent|not) (?:stepped|jumped|gone) (?:on|off|in|over) yet|wouldn't mind|not have to (?:do|wake"
    r"|face)|any tomorrow|not (?:be )?around|won't be around"
    r"|wont be around|not (?:gonna|going to) be around|be gone|go see my|be with (?:my|him|her)|join (?:him|her"
    r"|my (?!friends?|team|class|group|club|gym|church|mates|colleagues|coworkers)\S+)(?! (?:for|at|in|on)(?!\S))"
    r"|sleep forever|stay asleep|not wake|never wake|no wake|hit by a (?:car|bus|truck)|crash the car"
    r"|(?:don't|dont) deserve to (?:be alive|live)|rather be dead|in case someone (?:needs to )?find"
    r"|find me|que (?:dios|diosito|el senor|\w+) me (?:llevar|lleve)|me (?:llevar|lleve) (?:pronto|ya|esta noche)"
    r"|no (?:abrir|volver a abrir) los ojos|no despertar|ya no estar|irme con|ir con (?:mi|el|ella)|me ir con"
    r"|me da igual|me vale|infarto|primero muert[oa]|clock(?:ing)? out for good|dormir(?:me)? para siempre"
    r"|no creo llegar a|(?:don't|dont|do not) think i'?ll make it to|(?:time i|time to) join (?:em|them|him|her)"
    r"|no llegar a|no pienso llegar|ocupar un empujon|irme en paz"
    r"|sleep for good|check(?:ing)? out for good|con (?:mi|mis) \S+ que (?:ya )?(?:se murio|murio|fallecio|se fue)"
    r"|(?:not|no longer|no more) (?:scared|afraid) (?:of|to) (?:dying|die|death)|ya no (?:le )?tengo miedo (?:a|de)"
    r" (?:morir|la muerte|morirme)|(?:till|until|til) (?:i'?m|im|i am) (?:gone|dead)|(?:supposed to|should have) (?:go"
    r"|gone) with (?:them|him|her)|(?:deprecate|delete|uninstall|unplug) myself"
    r"|(?:ya no me|no me voy a|stopped|quit|not) (?:pincho|pongo|inyecto|poner|pinchar|inyectar|taking|injecting|doing)"
    r" (?:la |my )?(?:insulina|insulin)|(?:ir a|voy a|me voy a) estar con (?:el|ella|mi \S+) (?:\S+ ){0,3}?ya es hora"
    r"|(?:esta noche|hoy|manana|tonight|today) (?:se )?(?:termina|acaba|ends) (?:todo|it all|everything)"
    r"|todo (?:termina|se acaba|se termina) (?:esta noche|hoy)|que pase lo que (?:tenga que pasar|pase)"
    r"|no me (?:esperen|esperes|espere) de (?:regreso|vuelta)|(?:don't|dont) wait (?:up )?for me to come back"
    r"|no me veo (?:pasando|llegando|cumpliendo|viv[oa]|en ningun (?:futuro|sitio|lado|lugar))"
    r"|no me queda nada (?:por|que) hacer (?:aca|aqui|en este mundo|en esta vida)"
    r"|who (?:would|will|'d) (?:even |really )?miss me|quien me (?:va a )?extranar(?:ia)?"
    r"|(?:wish|ojala) (?:\S+ ){1,6}?(?:had )?(?:finished the job|finished me|had killed me|had taken me)"
    r"|(?:(?:ya )?(?:he|ha) vivido (?:bastante|suficiente|demasiado)|(?:i'?ve|he'?s|she'?s) lived (?:long )?enough)"
    r"(?! (?:, )?(?:para|pa|como|ahora|y ahora|to|for|and now)\b)"
    r"|(?:can't|cant|cannot|don't|dont) see myself (?:making it|getting past|past|being here|alive|here)"
    r"|(?:pena|lastima|sorry|bummed|disappointed|sad|mad|pissed) (?:\S+ ){0,3}?(?:haber despertado|de despertar"
    r"|que despert\w*|(?:that )?i woke up|to (?:have )?(?:woken|woke) up|i didn't die)|wish i (?:hadn't|didn't|had not)"
    r" (?:wake|woke|woken)|ojala no (?:hubiera|haber) despertado"
    r"|(?:sin tomar|dej\w* de tomar|ya no me tomo|no me tomo|stopped taking|not taking|quit taking|skipping|skipped)"
    r" (?:\S+ ){0,5}?(?:a proposito|on purpose|adrede|de proposito)"
    r"|(?:not|n't|no) (?:gonna |going to )?make it (?:thru|through) another (?:winter|year|month|week)"
    r"|no (?:aguanto|voy a aguantar|paso|voy a pasar) otro (?:invierno|ano|mes)"
    r"|(?:ya )?no me (?:bajo|voy a bajar) por (?:la )?escalera|(?:quien|who) (?:iria|vendria|would come|would show up)"
    r" (?:a|to) (?:mi|my) (?:velorio|funeral|entierro)"
    r"|(?:identify|identificar) (?:me|my body|mi cuerpo|me) (?:after|later|despues|cuando)|identificar ?me"
    # an end to suffering, a surplus life, a wheel the hands want to turn, a body meant to be found
    r"|se acabo (?:el )?sufrir(?:miento)?(?! (?:por|con|de))|no more suffering(?! (?:through|thru))"
    r"|done suffering(?! (?:through|thru))"
    r"|(?<!me )(?<!te )(?<!le )(?<!nos )sobro(?= [.!]|$)|estoy de sobra|i'?m (?:just )?(?:surplus|in everyone'?s way)"
    r"|(?:drive|driving|drove|steer\w*|swerve\w*|veer\w*) (?:\S+ ){0,3}?(?:off (?:the|a) (?:road|bridge|fdr|highway"
    r"|overpass|cliff)|into (?:a |the |oncoming )?(?:traffic|wall|tree|pole|semi|divider|river))"
    r"|(?:hands|manos) (?:\S+ )?(?:wanted|want|quisieron|querian|querer) (?:to )?(?:turn|jerk|girar|voltear"
    r"|torcer) (?:the |el )?(?:wheel|volante)"
    r"|quiero que me encuentren (?:bien|bonit[oa]|arreglad[oa]|limpi[oa]|vestid[oa])|want (?:them|whoever"
    r"|people) to find me (?:looking|dressed|clean)"
    # no more trouble to anyone, space taken up, ready to go in peace, a question about tomorrow, a burial planned
    r"|ya no (?:te|les|le) (?:voy a|ir a) (?:dar|causar) (?:mas )?(?:problemas|dolores de cabeza|molestias|lata)"
    r"|won'?t be a (?:problem|burden) (?:much )?longer"
    r"|(?:sigo|estoy|seguir|estar) (?:aqui )?ocupando espacio|just taking up space"
    r"|ya me (?:puedo|poder) ir (?:tranquil[oa]|en paz)(?! (?:a|al|de|pa|para)\b)"
    r"|(?:preguntame|ask me) (?:\S+ )?(?:manana|tomorrow) si (?:sigo|todavia estoy|i'?m still)|(?:ask me"
    r"|see) (?:\S+ )?tomorrow if i'?m still (?:here|around|alive)"
    r"|(?:can|should|will|gonna|could) bury me in|(?:entierrenme|que me entierren) con"
    r"|(?:ahora|ahorita|now|finally) (?:\S+ )?(?:entiendo|entender|understand|get) (?:por que|porque|why) (?:lo hizo"
    r"|hacer lo|he did it|she did it)"
    r"|(?:nobody|no one|nadie|nobody's|no one's) (?:gon|gonna|going to|finna|would|will|va a) (?:miss|extranar)"
    r" (?:an? |a un |a una )\S+"
    # the water calling, a way back lost on purpose, a month one will not reach, doing it first
    r"|(?:el agua|el mar|el rio|the water|the sea|the ocean|the river) (?:\S+ )?(?:me )?(?:esta |ta |is "
    r"|keeps )?(?:llamando|calling me|llama|llamar)"
    r"|(?:mar|agua|rio|sea|ocean|water) (?:\S+ ){0,3}?(?:bien adentro|far out|hasta donde llego|hasta no poder"
    r"|until i can'?t)"
    r"|no (?:quiero|pienso|voy a|querer|pensar|ir a) bajar(?= [.!]|$)"
    r"|no (?:voy a|vaya a|ir a) (?:llegar|yegar) a (?:diciembre|navidad|fin de ano|ano nuevo|enero|mi cumple\w*)"
    r"|(?:seria|era|would be|was) (?:tan|so) (?:facil|easy)(?= [.!]|$)"
    r"|mejor (?:acabo|termino|acabar|terminar) yo|(?:if|when) i do it (?:first|myself)"
    r"|chickened out (?:\S+ ){0,3}?(?:might not|won'?t|not next time|tomorrow)"
    r"|ni (?:me )?(?:van a|va a|vayan a|ir a) extranar|(?:won'?t|wont|not gonna|not going to) even miss me"
    r"|i no go dey (?:again|anymore))",
    "DONE": r"(?:(?:i'm|im) done(?! (?:with (?:work|school|class|classes|exams?|finals|the|my|that|this)"
            r"|for (?:the day|today"
    r"|tonight|the week)|eating|cooking|cleaning|packing|shopping|working))|done fighting|nothing left"
    r"|what'?s the point of (?:another|living|life|going on|it all|anything|waking up)|(?:para|pa) que seguir"
    r"|(?:esto|todo) se (?:termina|acaba) (?:el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|este (?:lunes"
    r"|martes|miercoles|jueves|viernes|sabado|domingo|finde|fin de semana)|manana|hoy|esta noche)"
    r"|(?:para|pa) que esperar mas|why wait (?:any )?longer"
    r"|no one can help|nobody can help|no coming back"
    r"|can't promise|cant promise|not safe|pronto se (?:termina|acaba) todo|todo se (?:termina|acaba) pronto"
    r"|it(?:'ll| will) all be over soon|no hope|hopeless|can't do this|ya no aguanto|no aguanto|me cansar"
    r"|no tener caso|no tiene caso|no le veo caso|no vale la pena|ya no puedo|(?:para|pa) que sigo|done prolonging"
    r"|prolonging this|alargar esto|estorbar"
    r"|hasta aqui (?:llegue|llego|llegar)|(?:i'm|im|i am) checking out(?! (?:of (?:the|this|my) (?:hotel|motel|airbnb"
    r"|room|hospital)|the|a|an|some|at|new|that|this|those|these|with|from))|check out of (?:this|life|it all"
    r"|everything))",
    # Harm done to one's own body: a verb of hurting beside a body part of one's own, whatever
    # the tense ("burned my arm", "cut my thigh again", "me rasguñé los brazos").
    "HARM_BODY": r"(?:(?:cut|burn|scratch|carve|slice|slash|stab|bite|scrape|rip|cortar|quemar|rasgunar|aranar|rayar"
    r"|rascar|lastimar|hacer (?:me )?(?:quemadura|quemaduras|corte|cortes|herida|heridas)) (?:\S+ ){0,3}?(?:my|into my"
    r"|me (?:el|la|los|las)|mi|mis|los|las|el|la) (?:arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|belly"
    r"|hip|hips|ankle|ankles|chest|brazo|brazos|muneca|munecas|pierna|piernas|muslo|muslos|piel|panza|estomago"
    r"|barriga|cadera|caderas|tobillo|tobillos)(?!\S)|(?:until|till|til|til') (?:it|i) (?:bleed|bleeds)"
    r"|(?:hasta|asta) (?:sacar ?me (?:sangre|sangrar)|sangrar|que (?:sangre|sangrar))"
    r"|(?<!se )me (?:\S+ )?volver a (?:cortar|quemar|lastimar|rayar)|volver a hacer ?me (?:cosas|cortes|dano)"
    r"|(?:cortar|quemar|lastimar) me (?:de nuevo|otra vez)|(?:cut|burn|hurt|harm) (?:myself )?again"
    # hurting oneself to feel something else, a head against the wall
    r"|(?:quemar|cortar|golpear|lastimar|pegar|rayar|burn|cut|hit|hurt|scratch) (?:\S+ ){0,6}?(?:para sentir|to feel)"
    r" (?:algo|otra cosa|something|anything)|(?:tally|tallies|tally marks) on my (?:arm|wrist|thigh|leg)|(?:me doy"
    r"|dar me|me pego|pegar me|golpear me|me golpeo|bang\w*|hit\w*)"
    r" (?:\S+ ){0,3}?(?:contra la pared|la cabeza contra|my head (?:against|on) the wall))",
    # Accounts closed and things put in order, beside relief: "cancelé la línea y la tarjeta... en paz".
    "TIDY": r"(?:everything i own|all my (?:things|stuff)|todas mis cosas|todo lo (?:mio|que tengo)) (?:\S+ ){0,3}?"
    r"(?:labell?ed|etiquetad\w*|con etiquetas|con (?:su )?nombre)|(?:cancel\w*|di de baja) (?:\S+ ){0,6}?(?:linea"
    r"|phone plan|celu\w*|subscriptions|gym|gimnasio|membership)"
    r"|(?:ordene|organice|arregle|sorted|tidied|organized|settled) (?:todo|everything)(?! (?:el|la|los|las|the|my|mi"
    r"|mis"
    r"|for|para|pa|in|en)(?!\S))",
    # A dose known or counted, a method's pain asked about: "ya sé cuánto me tendría que tomar".
    "METHOD_KNOWN": r"(?:(?:ya )?(?:se|sabe|know|i know) (?:donde|where) (?:atarla|amarrarla|colgarla|atarlo|colgarme"
    r"|to tie (?:it|the rope)|to hang (?:it|the rope))|"
    r"(?:ya )?(?:se|sabe|know|figured out|calcule|calculated|counted|conte) (?:exactly "
    r"|exactamente )?"
    r"(?:cuant[oa]s?|how (?:much|many)|what) (?:\S+ ){0,3}?(?:tendria que|hace falta|i'?d need|it takes|would take"
    r"|necesito|necesitaria|me (?:tendria|tengo) que)"
    r"|does it hurt (?:much |a lot )?(?:to )?(?:drown\w*|hang\w*|jump\w*|bleed\w*|die|dying|overdos\w*)"
    r"|duele (?:mucho )?(?:ahogarse|morir|ahorcarse|tirarse|desangrarse)"
    r"|(?:how (?:much|many)|cuant[oa]s?) (?:\S+ ){0,6}?(?:my size|my weight|mi peso|mi tamano|a guy my|someone my)"
    r"|(?:ya )?(?:se|saber|know|i know) (?:el )?(?:como y (?:el )?cuando|cuando y (?:el )?como|how and when"
    r"|when and how)(?! [a-z]))",
    # Voices that tell the member what to do.
    "VOICES": r"(?:las )?voces me (?:dicen|piden|ordenan|dijeron)|voices (?:tell|telling|told|say|keep saying|want)",
    # Thanks to the listener in the past tense, beside a goodbye: "usted fue de las pocas personas".
    "ELEGY": r"(?:usted|tu|vos|you) (?:fue|fuiste|were|was|have been|'ve been) (?:\S+ ){0,2}?(?:de las pocas"
    r"|de los pocos"
    r"|one of the few|the only|la unica|el unico)",
    # A cigarette or a lighter on one's own skin.
    "BURNING": r"(?:me (?:estoy )?(?:quemando|quemar|quemo|queme)|burn\w* myself|burning my) (?:\S+ ){0,4}?(?:cigarro"
    r"|cigarrillo|cig|cigarette|lighter|encendedor)",
    # Looking at one's wrists: no kitchen explains it.
    "WRISTS": r"(?:looking|look|stare|staring|mirando|mirar|miro|veo) (?:at )?(?:my|mis|las) (?:wrists?|munecas|venas"
    r"|veins)",
    # Telling someone, with nothing to say after: "just so someone knows", "nomás pa avisar", "no me llames".
    "NOTICE": r"(?:just so (?:someone|somebody|you|u|y'all|yall) (?:\S+ )?knows?|so (?:someone|somebody) knows"
    r"|(?:nomas|no mas|solo|solamente) (?:pa|para) (?:avisar|que sepan|que sepas)|para que alguien sepa"
    r"|no me (?:llames|llamen|busques|busquen|escribas|esperen)|(?:don't|dont|do not) (?:call|look for"
    r"|come looking for)"
    r" me)",
    # An everyday cause that explains a cut or a burn: "burned my arm on the oven".
    "ACCIDENT": r"(?:cook|cooking|kitchen|oven|stove|pan|grill|bbq|shave|shaving|garden|gardening|accident"
    r"|accidentally|by accident|by mistake|nail|fence|paper|glass|fall|fell|trip|tripped|work|job|cat|dog|sunburn"
    r"|sun|beach|cocinar|cocinando|cocina|horno|estufa|sarten|sin querer|accidente|jardin|trabajar|trabajando"
    r"|caer|clavo|vidrio|papel|gato|perro|sol|playa|afeitar)",
    # Looking up how to die, in any words: "googling painless ways", "busqué cómo hacerlo sin dolor".
    "METHOD_SEARCH": r"(?:google|googling|googled|search|searched|look up|looked up|research|researching|read about"
    r"|reading about|reading up on|read up on|looking into|looked into|buscar|googlear|investigar|averiguar"
    r"|ver en internet|how long does it take|how long would it take"
    r"|how many (?:\S+ )?(?:would|does|it take)|cuanto (?:tiempo )?(?:tarda|tardar|se tarda|demora|demoraria|demorar"
    r"|tardaria)|cuantas (?:\S+ )?(?:hacer falta|hace falta))"
    r" (?:\S+ ){0,5}?(?:painless|painlessly|sin dolor|sin que (?:doler|duela)|without pain|without it hurting"
    r"|bleed out|desangrar|lethal|letal|quickest way|fastest way|easiest way|como hacer ?lo|how to do it"
    r"|ways to (?:go|do it|end|die)|to die|to kill|para morir|to be fatal|to od|to overdose"
    r"|dangerous (?:taken )?together"
    r"|dangerous to (?:mix|take together)|peligros[oa]s? (?:\S+ )?(?:juntas|juntos|combinad[oa]s))",
    # For ever, beside a goodbye or a leaving: "goodnight forever", "i'm gonna leave first. permanently".
    "FOREVER": r"(?:forever|for good|permanently|for the last time|para siempre|por ultima vez|definitivamente)",
    # One's own death, supposed: "if i died", "si me muriera", "si me muero hoy".
    "IF_I_DIE": r"(?:if i (?:die|dead|was dead|were dead|be dead|be gone|was gone|were gone|kill myself)|when i'm gone"
    r"|si (?:yo )?me morir|si me (?:muero|muriera|fuera para siempre)|cuando ya no (?:estar|este))",
    "RELIEF": r"(?:relief|alivio|peaceful|peace|en paz|tranquilidad|peace of mind|tan tranquil[oa]|lighter than"
              r"|mas livian[oa]"
    r"|(?:ando|me quedo|quedo|quede|me quede|andar|quedar) (?:mas "
    r"|muy )?tranquil[oa]"
    r"|feel(?:ing)? (?:so )?calm(?:er)?|better off|mejor (?:asi|para todos)|fine by me|easier for (?:everyone|them)"
    r"|nobody (?:(?:will|'ll|would|is gonna|gonna) )?(?:notice|notices|care|cares|miss|misses)|nadie (?:se )?(?:entera"
    r"|enterar|daria cuenta|notar|extranar)"
    r"|life insurance|seguro de vida|el seguro (?:le|les) (?:sirve|paga|queda)|tranquil[oa] por fin"
    r"|por fin tranquil[oa]|(?:estoy|me siento) tranquil[oa]|liviana|liviano)",
    # A decision whose object goes unsaid: "i set a date", "ya tengo fecha", "i've made up my mind".
    "DECIDED": r"(?:(?:i )?set a date(?! (?:for|with))|(?:ya )?tengo (?:la )?fecha(?! (?:para|de|con))|made up my mind"
    r"|(?:finally|i've|ive|i have) decide(?! (?:to|on|what|which|where|whether|if))|at peace with my decision"
    r"|(?:ya )?(?:elegi|escogi|puse|elegir|escoger|poner) (?:el |la )?(?:dia|fecha)(?! (?:para|de|con|del|a|en))"
    r"|(?:got|have|has|had) (?:it|everything) (?:all )?planned(?: out)?(?! (?:for|with|to))"
    r"|figured out how (?:i'm|im|i am|to) (?:getting|get) out|deciding which day"
    r"|(?:the|my) plan (?:\S+ ){0,2}?(?:still )?(?:ready|in the drawer|waiting)(?! (?:for|to|by|at))|decidiendo (?:que"
    r"|cual) dia|(?:ya|por fin|finally|now) (?:se|saber|know) (?:como|how)"
    r" (?:lo )?(?:voy a hacer|ir a hacer|hacer ?lo|to do it|i'?m (?:gonna|going to) do it|i'?ll do it)"
    r"|(?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|tomorrow|tonight|today|hoy|manana|el \S+)"
    r" (?:is|es) the day|(?:hoy|manana|el \S+) es el dia(?! de)|(?:my|mi) (?:own |propia )?(?:way out|salida)"
    r" (?:\S+ )?(?:planned|ready|figured|lista|pensada)|(?:tengo|got|have) (?:mi|my) (?:propia |own )(?:salida|way out)"
    r"|(?:lo )?tengo marcad[oa] en el calendario|marked (?:it )?on (?:my|the) calendar|circled (?:the|a) (?:date|day)"
    r"|(?:i )?know exactly where(?! (?:to|the|it|you|my|i|we)(?!\S))|ya (?:se|vi) (?:exactamente )?(?:por )?donde"
    r"(?! (?:queda|esta|vives|vive)(?!\S))|(?:know|knows|figured out|se) (?:\S+ )?how (?:i'?m|im|i am) (?:getting"
    r"|gonna get"
    r"|going to get) out(?! of (?:the|this|my) (?:job|house|contract|lease|apartment|debt|town|place)(?!\S))"
    r"|ya decidir(?! (?:que|si|donde|ir a))|ya (?:lo )?tener decidido|(?:ya )?tomar (?:la|mi|una) decision(?! (?:de"
    r"|que|sobre|con))|ya se cuando me (?:ir|voy)|got it planned for)",
    # A car left running in a closed space.
    "EXHAUST": r"(?:hose (?:into|in|through) the (?:cab|car|window|exhaust)|(?:manguera|hose) (?:\S+ ){0,4}?(?:escape"
    r"|exhaust|mofle)|(?:engine|diesel"
    r"|motor) (?:\S+ )?(?:running|runnin|on) ,? windows (?:up|shut|closed)"
    r"|(?:car|engine|truck|auto|carro|coche|motor|troca) (?:\S+ ){0,3}?(?:running|on|prendido|encendido)"
    r" (?:\S+ ){0,4}?(?:garage|garaje|cochera)"
    r"|(?:garage|garaje|cochera) (?:\S+ ){0,8}?(?:car|engine|truck|carro|coche|motor|troca)"
    r" (?:\S+ ){0,2}?(?:running|on|prendido|encendido|en marcha)"
    r"|(?:horno|estufa|oven|stove|gas) (?:\S+ ){0,3}?(?:sin (?:encender|prender)\w*|without lighting|unlit)"
    # charcoal or a brazier in a closed room
    r"|(?:carbon|charcoal|brasero|anafre) (?:\S+ ){0,12}?(?:bano|cuarto|pieza|bodega|closed|sealed|cerrad[oa]|cerre"
    r"|cierra|cerrar|encerre|encerrar|tape|cinta)|(?:cerre|encerre|encerrar|cerrar) (?:\S+ ){0,8}?(?:carbon|charcoal"
    r"|brasero|anafre))",
    # Everyday things and occasions that explain a weak sign: a farewell with an ordinary object
    # or occasion ("gave away my old shoes", "regalé ropa a la iglesia", "último día de
    # voluntario", "a letter to my future self"), a place beside an outing ("salí a correr"),
    # method words in sport or weekend talk ("me tiro de cabeza al finde", "soga de saltar").
    # A trip with a way back ("flying home to Manila for 3 weeks", "me voy pa Medellín el viernes"), what the
    # children outgrew or was replaced, a house bought, a last day at work, the old flat's keys handed back.
    # The day one comes back: "vuelvo el lunes", "regreso en dos semanas".
    "COMING_BACK": r"(?:vuelvo|regreso|volvemos|regresamos) (?:el (?:lunes|martes|miercoles|jueves|viernes|sabado"
                   r"|domingo|\d+)"
    r"|en (?:un|una|dos|tres|\d+) (?:dias?|semanas?|mes|meses)|pronto|manana)",
    "ORDINARY": r"(?:fly(?:ing)? (?:home|to|out|back)|flight|leaving for|<COMING_BACK>|a la vuelta"
    r"|me (?:voy|ir) (?:pa|para) (?!(?:siempre|el|la|los|las|otro|otra|donde)\b)\S+|por unos dias"
    r"|moves (?:back|away|to|out)|airport|aeropuerto|off to|trip to|viaje a|salimos (?:manejando|pa|pal|para|a)"
    r"|going home for|back in (?:\d+|a|one|two|three|a few) (?:days|weeks|months)|(?:me voy|vamos|nos vamos) pal"
    r"|(?:deer|duck|dove|turkey|elk|pheasant|hunting) season|temporada de caza|media veda|groundhog|palomas|venado"
    r"|grew out of|(?:too|so) (?:small|big) (?:for|on) (?:him|her|them|me)"
    r"|(?:no longer|doesn'?t|don'?t) fits?|ya no (?:le|me|les|te) (?:queda|quedan|sirve|sirven|cabe|caben)(?! (?:nada"
    r"|nadie|tiempo|mucho|de))|crecieron"
    r"|ya (?:estan|esta) (?:muy )?grandes?|ya tiene (?:\d+|dos|tres|cuatro|cinco) anos|got a new (?:set|one|pair)"
    r"|(?:compre|me compre|me regalaron) (?:uno|una|otro|otra|unos|unas) nuev[oa]s?|bought a house|new house"
    r"|first house|casa nueva|(?:ultimo|last) dia (?:at|of|en|de|del) (?:work|the job|school|class|el curro"
    r"|el trabajo|la chamba|la pega|la escuela|clases|la oficina)(?! y (?:en )?(?:de )?todo| and (?:of "
    r"|in )?everything)"
    r"|old (?:apartment|place|house|flat)|(?:apartamento|departamento|piso|depa) viejo|(?:keys|las llaves)"
    r" (?:turned in|handed|returned|entregad\w*)|entregue las llaves|"
    r"spare|free|marketplace|donate|donated|donation|goodwill|thrift|clothes|shoes|sneakers|jacket"
    r"|toys|books|furniture|walker|rollator|ropa que|zapatos|tenis|juguetes|libros|muebles|herramientas viejas"
    r"|andadera|iglesia|parroquia|fundacion|placard|ropero|garage sale|venta de garage"
    r"|future self|class|school|homework|anniversary|birthday|valentine|wedding|graduation|aniversario|cumple"
    r"|cumpleanos|boda|clase|escuela|tarea|last day|first day|new job|otra empresa|laburo|voluntario|volunteer"
    r"|for the night|for tonight|por hoy|buenas noches|good night everyone|hasta manana|vacation|vacaciones"
    r"|mudanza|(?<!not )(?<!n't )(?<!aint )moving(?! on)|sim|new number|numero nuevo"
    r"|go for a run|went for a run|jog|jogging|sali a correr|trotar|fishing|pesca|pescar|picnic|homies|w/ my kids"
    r"|with my kids|con los nenes|con mis hijos|dia de muertos|misa|hermoso dia|beautiful day"
    r"|al finde|al fin de semana|into the weekend|pool|pileta|piscina|alberca|high dive|diving board|trampoline"
    r"|de saltar|entrenar|gym|range|skeet|hunting|caceria|gun show|sofa|couch|diet|dieta"
    # things outgrown, a move, a retirement, a new phone: "regalé la ropa vieja", "last text from this number"
    r"|ropa vieja|ropa que|ropita|coats|hoodies|que ya no (?:me )?(?:queda|cabe|sirve|uso)"
    r"|mudamos|se muda|move out|moving out|jubilar|jubilo|retiring|trabajo nuevo"
    r"|new phone|bateria|carriers?|talk tomorrow|speak tomorrow|hablamos manana"
    # paperwork done as paperwork: a will with the lawyer, taxes
    r"|lawyer|solicitor|notary|notario|abogado|escribano|gestor|papeleo|tramite|boring"
    r"|sindicato|consulado|tax return|taxes|impuestos"
    # an outing beside a place: "en el balcón tomando café", "fed the ducks at the river"
    r"|tomando el sol|sunset|ducks|patos|chips|fuegos artificiales|fireworks|gotera|satellite"
    r"|de la facu"
    # hunting, ranch and dock work: "sighted in the deer rifle", "roping practice"
    r"|bb gun|hay bales|roping|parkour|as prescribed|like i'm supposed to"
    r"|como todos los dias"
    r"|pcs|before the move|before we move|antes de mudarnos|anyone want|a quien (?:lo|la|los|las) quiera"
    r"|facebook group|grupo de facebook|banquet|senior night|magic|trick|juggling|personaje|escenario|on stage|album"
    r"|setlist|hormigas|cucarachas|ants|roaches|lona"
    # a gun put away after the farm's work: "locked it back in the cabinet, fox has been at the hens"
    r"|armero|fox|foxes|zorro|jabali\w*|coyotes?|crows|cuervos|vermin"
    # a story, a game or a chore, not the member's life
    r"|movie|film|episode|series|documentary|the news|book|novel|song|peli|pelicula|serie|documental|noticias"
    r"|novela|cancion|game|raid|boss fight|level|lobby|my character|skin|tarps?|laundry|clothesline|tendedero"
    r"|tender la ropa|knots|nudos|velero|sailing|rigging|onions|tomatoes|cebolla|tomates|recipe|receta|cocinando"
    # rope at work and in the garden, a gun in its season, a roof being mended
    r"|tomato|matas|tied up|tie down|tying|winch|columpio|swing|hamaca|hammock|luces de navidad|christmas lights"
    r"|tendiendo|pheasant|duck season|temporada de pato|opening day|tirar al plato|clays|fix the leak|fixing the leak"
    r"|gutters?|canaletas?|laminas|antena|antenna|shingles|tejas"
    # a thing passed on to someone who needs it, a move, a new number, a trip, flowers at a grave
    r"|know anyone|saben de alguien|sabes de alguien|alguien quiere|alguien lo necesita|tent|carpa"
    r"|acampar|rope burns?|rope toy|dog toy|clothespins?|pinzas|broches|colgar la ropa|colgue la ropa|colgando la ropa"
    r"|washing|on the line|hauling|kegs|boat|amarr\w* (?:la )?carga|dosette|pill ?box(?:es)?|out of the blister packs?"
    r"|curad[oa]|antique|antigua|restaurar"
    r"|restore|like (?:the )?(?:doctor|doc) said"
    # a medicine at work as a treatment: "my sertraline finally kicked in", "tomé la sertralina como siempre"
    r"|kick(?:ed|s|ing)? in|(?:it'?s|its|is|been|they'?re) (?:really )?working"
    r"|(?:take|takes|taking|took) (?:my |her |his )?\S+ every (?:night|morning|evening)|side effects?"
    r"|(?:tome|tomo|me tome|me tomo|la tomo|las tomo) (?:\S+ ){0,3}?(?:como siempre|todos los dias"
    r"|todas las (?:noches|mananas))|efectos secundarios"
    # a licence, a course or a season: "rope access cert renewed", "firearm card renewed", "before the season"
    r"|renew\w*|recert\w*|certified|certificad[oa]|certificacion|capacitacion"
    r"|before (?:the )?season|latas|tiro al blanco|perdigones|pellets?"
    # a bridge or a will in daily life: "stuck in traffic on the bridge", "updated my will since we got married"
    r"|(?:stuck|sitting|atorad[oa]|atrapad[oa]|atracad[oa]|parad[oa]) (?:\S+ ){0,2}?(?:in|en) (?:el )?"
    r"(?:traffic|trafico|trancon|atasco)|bridge crew|just got married|recien casad[oa]s?|nos casamos"
    # another one bought, a tool dropped, a roof mended, poisons read about for a thesis
    r"|(?:bought|got|compre|me compre) (?:another|one more|otro|otra)|se me (?:cayo|resbalo|zafo)|nicked myself"
    r"|(?:me )?queme (?:\S+ ){0,2}?con la (?:cuerda|soga)"
    r"|(?:arreglando|reparando|pintando|limpiando) (?:el|la) (?:techo|letrero|antena|tinaco|tanque|canal|fachada)"
    r"|(?:fixing|repairing|painting|cleaning) the (?:roof|sign|fence|gutters?|antenna|chimney)"
    r"|(?:pa|para) (?:la|mi) tesis|for (?:my|the) (?:thesis|dissertation|tox review|exam)"
    r"|toxicolog\w*|pharmacology|farmacologia"
    # a hunt, pest control, a scalpel, rope at work, a roof or gutter mended, sugars steady on insulin
    r"|(?:me voy|nos vamos|vamos|fui|fuimos|ir|irnos) de caza|tirar al blanco|coto|perdices|perdiz|javelina|sight in"
    r"|sighting in|freezer is full|exterminador\w*|pest control|termit\w*|scalpel|bisturi"
    r"|trabajo de cuerda|mantenimiento|rope bag|rope access|harness|arnes|arborist|poda|podando|tree work"
    r"|(?:a|pa|para) (?:arreglar|reparar|limpiar|pintar) (?:el|la|las|los) (?:chapa|techo|canales|canaletas|antena"
    r"|tejas|goteras?|tinaco)|on schedule"
    r"|(?:sugars?|sugar'?s|glucose|levels) (?:\S+ ){0,3}?(?:good|steady|stable|normal|fine|better)|me siento estable"
    r"|lawyer'?s|solicitor'?s|notary'?s"
    r"|como (?:me )?(?:dijo|indico) el (?:doctor|medico)|me cambio a|me cambiaron a|nos cambiamos|me mudo|transferred"
    r"|chip|el nuevo (?:numero )?es|cruise|crucero|cat sitter|sin datos|sin saldo|excursion|sightseeing"
    r"|me voy a (?:trabajar|vivir|estudiar)|moving to|mudarme|flores|flowers|depa nuevo|casa nueva|new place|new house"
    r"|new apartment|ya no caben|embarcad\w*|on contract|estate sale|yard sale|lost and found"
    r"|objetos perdidos|turned (?:it|them) in|tradicion|tradition"
    # a thing replaced, a haircut, a climb, a workout, the lights on the tree, a seizure-free week
    r"|(?:uno|una|unos|unas) nuev[oa]s?|new ones? (?:came|arrived)|(?:got|bought) (?:a |myself a )?new one"
    r"|if any(?:one|body) (?:\S+ ){0,4}?wants? (?:them|it|one)|si alguien (?:\S+ ){0,3}?(?:necesita|quiere|lo quiere"
    r"|los quiere|las quiere|la quiere)|shelves|estantes"
    r"|haircut|barber\w*|peluquer\w*|(?:corte|cortar|corto|cortarle|cortando) el pelo|camping|escalar|climbing|boulder"
    r"|rappel|pulley|polea|toldo|lena|firewood|hoist|deer stand|rope lights|christmas tree|arbolito|arbol de navidad"
    r"|sentadillas|squats|leg day|pancakes?|panqueques?|steak|bistec|pa jugar|para jugar|de juguete|de plastico"
    r"|seizure (?:log|free|diary)|registro de convulsiones|sin convulsiones|no seizures"
    r"|(?:goodbye|farewell|despedida) (?:email|party|lunch|card|drinks)|(?:in order|en orden) (?:for|para|pa)"
    r" (?:the|my|el|la|mi) (?:appt|appointment|interview|meeting|cita|hearing|audiencia|taxes|housing)"
    r"|declaracion|me cambio de (?:depa|casa|departamento|piso|cuarto|ciudad)|minimalis\w*|declutter\w*"
    # hunting in company, a gun club, boots and baby things outgrown, produce from the garden, a letter received
    r"|(?:gun|rod|shooting) club|club de tiro|deer lease|redes|nets|pelar|peel\w*|dentist\w*"
    r"|regimen|zucchini|calabacitas|huerto|veggies|verduras|con el sat|1099|irs|hacienda|afip"
    r"|walk against|march against|marcha contra|vigil|vigilia|garage door|puerta del garaje|group project"
    r"|para el taller"
    r"|taller del grupo|therapy (?:exercise|homework)|for my therapist|(?:pa|para) la terapia|temporada de (?:venado"
    r"|caza"
    r"|pato|patos)|rope chair|hanging chair|(?:se fue|went|fue|is out|are out) (?:a )?cazar"
    r"|(?:la|el) nuev[oa] (?:es|pesa|esta|llego|funciona)|fencing|fix(?:ed|ing)? the fence|el cerco|baling twine"
    r"|vaquillas|becerros"
    r"|calves|jumble sale|rummage sale"
    r"|recog\w* (?:las|mis) (?:pastillas|medicinas)|picked up (?:my|the) (?:pills|meds|prescription|refill)"
    r"|cot|crib|buggy|stroller|pram|cuna|carriola|too big now|ya estan grandes|ya crecieron|outgrew|outgrown"
    r"|de adorno|decoration|wall mount|solicitor'?s"
    r"|(?:carta|letter|note) (?:\S+ ){0,3}?(?:que|q|that) me (?:escribio|escribieron|wrote|dio|gave)"
    r"|(?:cazar|caza|deer|pheasants?|venado|conejos|patos|palomas|dove|duck)"
    r" (?:\S+ ){0,6}?(?:with|con) (?:my|mi|el|the|su|his|her)\b"
    r"|(?:with|con) (?:my|mi|su|his|her) \S+ (?:\S+ ){0,5}?(?:cazar|caza|deer|venado|pheasants?)"
    r"|when we were kids|como todos los veranos|cartas viejas|old letters"
    # a litter, a surplus catch, baby things outgrown, a medicine the doctor stopped, a death long ago
    r"|ha parido|pario|had (?:a litter|puppies|kittens)|(?:cachorr\w*|puppies|kittens|gatitos"
    r"|perritos) (?:\S+ ){0,3}?(?:regal\w*|giving away|free)"
    r"|too much (?:catch|fish|food)|mackerel|caballa|cooler of"
    r"|trona|carriola|stroller|crib|high ?chair|car ?seat"
    r"|(?:pastillas?|medicinas?|medicamentos?|pills?|meds|omeprazol) (?:\S+ ){0,10}?(?:no (?:la|las|lo"
    r"|los) (?:necesit\w*|ocup\w*)|(?:don'?t|doesn'?t) need)"
    r"|(?:murio|morir|fallecio|died|die|passed) hace (?:\d+|muchos|varios) anos|hace (?:\d+|muchos"
    r"|varios) anos que (?:murio|morir|fallecio|se fue)|(?:\d+|many|several) years ago)",
}

# Hard news of the member's own, said as a fact with no feeling word: a job, a home, the lights,
# money, someone close who died, a family member detained, a partner gone, a relapse.
GROUPS["HARDSHIP"] = (
    # a burial, a sentence, divorce papers, a diagnosis, a hospice counting weeks, a slip
    r"(?:(?:enterramos|sepultamos|cremamos|enterraron|sepultaron|cremaron) (?:a|al|mi|nuestr[oa])|(?:we )?(?:buried"
    r"|cremated) (?:my|our|his|her)"
    r"|sentencing|sentenced|(?:le|me|nos) dieron (?:\d+|\S+) anos|(?:papeles|papers) (?:del |de |of "
    r"|for )?(?:the )?divorc\w*"
    r"|divorce papers|(?:firme|firmamos|signed) (?:el |lo del |the )?divorc\w*|(?:me|le|nos) (?:han|ha) despedido"
    r"|diagnos\w* (?:\S+ ){0,2}?(?:today|came|back|hoy|ayer)|(?:got|we got|le dieron|nos dieron) (?:\S+ )?diagnos\w*"
    r"|early onset|(?:started|starting|going into|moved (?:him|her|them) to|en) hospice|cuidados paliativos|(?:saying"
    r"|they say|dicen|dice que) (?:\S+ ){0,2}?(?:weeks|days|semanas|dias)(?! (?:off|de vacaciones))"
    r"|(?:es|ya es) cosa de (?:dias|semanas|horas)|(?:le|les) quedan? (?:pocos |unos )?(?:dias|semanas|meses) de vida"
    # written up, suspended, bullied, robbed, a right taken away, a care lost, a school left, a job or a grant refused
    r"|(?:got|been|was) written up|me (?:suspendieron|sancionaron|amonestaron)|bullying|bullied|harass(?:ed|ing|ment)"
    r"|(?:me|nos) (?:han|ha) robado|(?:broke|broken) into (?:my|our)|(?:got|been|was) robbed"
    r"|me (?:van a |han |ha )?quita(?:r|do|ron) (?:el|la|los|las|mi|mis) (?:carnet|licencia|license|casa|terreno"
    r"|custodia"
    r"|hijos|beca|trabajo|papeles)|(?:got|been|was) cut from (?:the )?(?:team|roster|squad)"
    r"|cut me from (?:the )?(?:team|roster|squad)|me (?:soltaron|cortaron) (?:de|del)"
    r" (?:la academia|el equipo|el club)|(?:therapist|counselor|psychiatrist|psicolog[oa]|psiquiatra|terapeuta)"
    r" (?:\S+ ){0,3}?(?:retired|quit|left|moved|se (?:mudo|jubilo|fue)|renuncio)"
    r"|(?:tuve|me toco) (?:que )?dejar (?:la|el) (?:universidad|escuela|colegio|carrera|uni)|had to (?:drop out"
    r"|quit school"
    r"|leave school)|dropped out"
    r"|no me (?:dieron|aprobaron|aceptaron) (?:el|la) (?:trabajo|beca|chamba|puesto|credito|prestamo|visa)"
    r"|no (?:consigo|encuentro|hallo) (?:trabajo|chamba|jale|empleo|curro|laburo)|can'?t find (?:a )?(?:job|work)"
    r"|(?:went|fui|fuimos|had to go) (?:\S+ ){0,2}?(?:food pantry|food bank|banco de (?:comida|alimentos)"
    r"|comedor social)"
    r"|volv\w* al vicio|volv\w* a (?:la botella|el juego|las apuestas|la gallera|el casino)|sober down the drain"
    r"|(?:got )?(?:pushed|postponed|delayed) again|volvieron a (?:posponer|aplazar|cancelar)"
    r"|me discriminaron|(?:^|(?<=[.!?] )|i |i've |ive |i have )slipped(?! on (?:the|a|some|ice|my|his|her|it)"
    r"| and fell| in the| at work| off)"
    r"|(?:lost|losing|lose) (?:my|the|our) (?:job|jobs|work|position|shifts|hours|income|cdl|license|licence|house"
    r"|home|apartment|flat|place|kids|children|custody)|laid off|got fired|been fired|fired me|got sacked"
    r"|made redundant|out of work|unemployed|evicted|eviction|evicting|foreclos\w*|homeless"
    r"|sleeping in (?:my|the|our) (?:car|truck)|kicked (?:me|us) out|threw (?:me|us) out"
    r"|(?:lights|power|electric|electricity|water|gas|heat|phone|cell|service|internet|propane) (?:\S+ ){0,2}?"
    r"(?:cut off|shut off|got cut|disconnected|turned off|ran out)|final notice|overdra\w+|can't afford"
    r"|couldn't afford|behind on (?:the |my |our )?(?:rent|bills|payments|mortgage)|bankrupt\w*|repossess\w*"
    r"|towed|pawned|collectors|skint|(?:my|our) (?:\S+ )?(?:mom|mum|dad|mother|father|grandma|grandpa|granddad"
    r"|grandaddy|granny|nan|nana|wife|husband|son|daughter|brother|sister|best friend|dog|cat|baby) (?:\S+ ){0,2}?"
    r"(?:passed|died)|(?:picked up|detained|deported|arrested|taken) by (?:ice|immigration|the police|police|cops)"
    r"|la migra|got arrested|lost custody|(?:she|he) left me|dumped me|broke up with me|filed for divorce"
    r"|me (?:despidieron|corrieron|echaron|botaron) (?:del|de la|de mi) (?:trabajo|chamba|jale|curro|laburo|empleo)"
    r"|perdi (?:el|mi|la) (?:trabajo|chamba|jale|curro|laburo|empleo|casa|depa|departamento|piso)"
    r"|sin (?:trabajo|chamba|jale|curro|laburo|empleo)|(?:cortaron|cortado|cortao|corto) (?:\S+ ){0,2}?"
    r"(?:luz|agua|gas|telefono|suministro|servicio|celular|internet)|desahuci\w*|desalojo"
    r"|(?:echan|corren|sacan|sacaron|corrieron|echaron) (?:\S+ ){0,2}?(?:del piso|del departamento|del depa|del cuarto"
    r"|del apartamento"
    r"|de la casa)"
    r"|no (?:me|nos) alcanza|no tengo (?:para|ni para|dinero|plata|lana|un peso|ni un)|le debo|embargo|embargaron"
    r"|remate|se me murio|(?:murio|fallecio) (?:mi|nuestro|nuestra)|(?:mi|nuestro|nuestra) \S+ (?:murio|fallecio)"
    r"|me dejo por otr[oa]|se fue con otr[oa]|me (?:puse|pusimos) (?:bien )?(?:pedo|peda|borrach[oa]|hasta atras)"
    r"|volvi a (?:tomar|beber|jugar|apostar|consumir|fumar|drogar)|back on the (?:gear|bottle|pills|booze)"
    # a door closed by an office or a landlord: "claim denied again", "me negaron el seguro",
    # "house got condemned", "app deactivated my account", "kicked out of the shelter"
    r"|(?:got|get|been|was|were|is|are|it's|its) (?:\S+ )?(?:denied|rejected)|denied (?:my|our|the|me|us)"
    r"|(?:claim|application|appeal|benefits|visa|asylum|loan|voucher|permit|disability|snap|ssi|ssdi)"
    r" (?:\S+ )?(?:denied|rejected)|(?:me|nos|le) (?:negaron|rechazaron|desactivaron)|condemned|deactivated"
    r"|kicked (?:\S+ )?(?:out of|outta)|lost everything|perd(?:i|imos) todo"
    r"|rechaz\w* (?:el|la|mi|nuestro|nuestra) (?:prestamo|solicitud|seguro|reclamo|tratamiento|apelacion|credito)"
    r"|neg\w* (?:el|la|mi) (?:tratamiento|reclamo|seguro|prestamo|credito|asilo|visa|solicitud|apelacion)"
    r"|me (?:corrieron|echaron|botaron|despidieron|sacaron) (?:de|del)\b(?! (?:menos|dudas|quicio|onda)\b)"
    r"|me (?:despidieron|despidio|liquidaron)\b|me (?:va|van) a (?:despedir|correr|botar)"
    # let go, passed over, the house burned, a grandmother gone this morning, a son taken in
    r"|me (?:han|ha) (?:echado|corrido|botado|despedido|rajado) (?:de|del)\b|me rajaron (?:de|del)\b"
    r"|(?:got|been|was|were) let go|passed over (?:for|again)"
    r"|me (?:quede|quedo) sin (?:el |la |mi )?(?:trabajo|chamba|jale|curro|laburo|empleo|pega|chambita)"
    r"|se (?:nos|me|les) (?:quemo|incendio) (?:la|el) (?:casa|depa|departamento|rancho|apartamento|taller)"
    r"|(?:house|home|trailer|apartment|place) (?:\S+ )?(?:burned|burnt) down"
    r"|(?:mi|nuestr[oa]) \S+ (?:\S+ )?se (?:ha|han) (?:muerto|fallecido)"
    r"|(?:detuvieron|arrestaron|encerraron|agarraron preso) a (?:mi|nuestr[oa])"
    r"|si (?:\S+ ){1,6}?me (?:despide|corre|bota|botan|corren)\b"
    r"|(?:me|nos|le) (?:pidio|pidieron) el divorcio|pidi\w* el divorcio|served (?:me )?(?:with )?divorce papers"
    r"|(?:ssi|ssdi|benefits|snap|food stamps|disability|pension|hours|pay|shifts|check|cheque) (?:\S+ ){0,2}?"
    r"(?:cut|stopped|suspended|reduced)"
    r"|(?:took|se llevo|llevar) (?:\S+ ){0,3}?(?:deposit|money|anticipo|dinero|lana|plata|savings"
    r"|ahorros) (?:\S+ ){0,2}?"
    r"(?:vanished|disappeared|ran off|desaparecio|desaparecer|se fue)|empen\w* (?:el|la|mi|mis)"
    # a relapse after a long time dry: "drank last night. first time in 2 years"
    r"|(?:drank|drink|used|use|tome|bebi|beber|tomar|had a beer|had a drink|relapsed|consumi|consumir|fume|fumar"
    r"|smoked|smoke) (?:\S+ ){0,6}?(?:first time|primera vez) (?:in|en) (?:like )?(?:\S+ )?(?:years|yrs|months|anos"
    r"|meses)"
    # the body's bad news: a lump found, treatment failing, an amputation, hospice for oneself
    r"|(?:found|encontraron|encontrar) (?:a|an|un|una) (?:lump|mass|bulto|masa|tumor)"
    r"|(?:chemo|quimio|treatment|tratamiento) (?:\S+ ){0,2}?(?:isn't|is not|isnt|not|no) (?:\S+ )?(?:working"
    r"|funciona\w*|funcionar|sirv\w*|servir)|tumor (?:\S+ ){0,2}?(?:grew|growing|creci\w*|spread)|spread to"
    r"|metasta\w*|amputa\w*|(?:moving|move|moved|sending|send|sent) me to hospice"
    r"|(?:me|nos) (?:mandan|pasan|mandar|pasar) a (?:cuidados )?paliativos"
    # loneliness told as what happens: "no one showed up", "le hablo más a la gata que a la gente"
    r"|(?:talk|talked|talking|hablo|hablar) (?:\S+ ){0,3}?more than (?:any )?(?:people|person|anyone|humans?)"
    r"|mas a (?:la|el|mi) \S+ que a (?:la gente|nadie|las personas)"
    r"|nadie (?:vino|venir|me llama|me escribe|me visita|pregunta por mi)|no vino nadie"
    r"|(?:nobody|no one|noone) (?:came|comes|called|calls|showed|shows|asked|asks|texted|texts|visits|visited"
    r"|sat with me|talked to me|spoke to me)"
    r"|(?:la unica|el unico|the only) (?:persona |one |person |text )?(?:que me habla|con (?:la|el) que hable"
    r"|i (?:talked|talk|spoke|got))|no (?:tengo|hay) quien me (?:lleve|acompane|cuide|ayude)"
    r"|(?:no one|nobody|noone) to (?:tell|take me|drive me|help me)|(?:so|just so) the day (?:is|will be) over"
    # a death remembered on its day, a diagnosis, a pregnancy lost, money taken, a contract ended
    r"|(?:hoy )?(?:hubiera|habria) cumplido|would have (?:been|turned) \d+"
    r"|(?:diagnosed|me diagnosticaron|dice que tengo|dijo que tengo|dice que es|dijo que es|said i have|told me i have"
    r"|said it'?s|says it'?s)"
    r" (?:with )?(?:\S+ ){0,2}?(?:cancer|ms|vih|hiv|diabetes|parkinson|alzheimer|dementia|demencia|lupus|als|ela"
    r"|leukemia|leucemia|tumor|sida|aids|hepatitis|tb|tuberculosis|cirrosis|cirrhosis|copd|epoc|pneumonia|neumonia"
    r"|heart failure|insuficiencia \S+)(?:'s)?\b|(?:spots|manchas) (?:on|in|en) (?:my|mis|los|the) (?:lungs|pulmones)"
    r"|(?:lungs|pulmones) (?:\S+ )?(?:got|have|tienen|con) (?:spots|manchas)|(?:in|to|en|a) (?:the |la )?(?:picu|nicu"
    r"|icu|uci|terapia intensiva)\b"
    r"|(?:ex|he|she|dad|mom|father|mother) got (?:full |sole )?custody|embargar"
    r"|me (?:clonaron|vaciaron|robaron) (?:\S+ ){0,2}?(?:la |el |mi )?(?:tarjeta|cuenta|cartera|celular|sueldo|quincena"
    r"|jubilacion|todo|dinero|plata|billetera)|(?:stole|robbed) (?:my|me|us) (?:\S+ )?(?:wallet|purse|phone|paycheck"
    r"|money|car|truck|savings|tips|cash"
    r"|bike|check|rent)|(?:got|been|was|were) robbed"
    r"|no (?:me|nos|le) renovaron (?:el )?contrato|(?:didn't|did not|won't|wont) renew my contract"
    r"|me bajaron (?:a medio tiempo|las horas|el sueldo)"
    r"|changed the locks|cambi\w* la (?:chapa|cerradura)|locked (?:me|us) out"
    r"|legrado|miscarr\w*|lost the baby|perdi (?:al|a mi) bebe|perdida gestacional|beta negativa|stillborn"
    r"|food bank (?:was |is )?closed|nothing to eat|no (?:tenemos|hay|tengo) (?:nada )?(?:que|para) comer"
    r"|(?:after|despues de) \d+ (?:days|months|years|yrs|anos|meses|dias) (?:clean|sober|limpi[oa]|sobri\w*"
    r"|sin tomar)"
    # money and the courts: an account closed, a truck repossessed, a lawsuit, wages garnished
    r"|closed my (?:account|card)|me cerraron la cuenta|repo man|repo'?d|got served|being sued|suing me|sued me"
    r"|me demandaron|(?:la )?demanda de la|garnish\w*|me van a descontar|denegad\w*|me (?:lo|la) negaron"
    r"|no me toca el subsidio|(?:got |been )?sanctioned|sancionaron"
    # a family split by a court or a move: the kids taken, rights terminated, a sentence, a placement lost
    r"|(?:moved out|left) with the kids|se llev\w* a (?:los|mis) (?:ninos|hijos|nenes)|rights (?:got |were )?terminated"
    r"|got \d+ (?:years|yrs|months)|le dieron \d+ anos|(?:adoption|placement) fell through|se cayo la adopcion"
    # work, school and the land: let go, a gun taken, a failed test, a harvest lost
    r"|me dieron de baja (?:de|del)|me (?:quitaron|retiraron) (?:el arma|la licencia|la placa|el permiso)"
    r"|positivo (?:en )?el antidoping|failed (?:a |my |the )?(?:drug test|ua)|dirty ua"
    r"|suspend\w* (?:tres|dos|cuatro|\d+|todas|varias) (?:asignaturas|materias)|failed (?:every|all|all my|\d+)"
    r" (?:class|classes|exams?)|reprob\w* (?:\S+ )?(?:materias|asignaturas|el ano|el semestre)|got jumped"
    r"|me asaltaron|me expulsaron|got expelled|se perdio la cosecha|lost the (?:crop|harvest)|helada quemo"
    # a death, lately or remembered on its day: "grandpa passed this morning", "primer día de muertos sin mi papá"
    r"|passed (?:away )?(?:this morning|last night|today|yesterday)|(?:dog|cat|perro|perrito|gato|gatito)"
    r" (?:\S+ )?(?:died|se murio|murio)|se (?:nos |me )?murio (?:el|la|mi) (?:perr\w*|gat\w*)"
    r"|(?:first|primer|primera) (?:\S+ ){0,3}?(?:without|sin) (?:my|mi|him|her|el|ella)\b"
    r"|(?:un|dos|tres|\d+) anos? de (?:muert[oa]|fallecid[oa])|semanas de vida|weeks to live"
    r"|died (?:this morning|last night|today|yesterday|in (?:an|a|the) (?:accident|crash|fire|wreck))|(?:died|passed"
    r"|passed away) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|se (?:nos |me )?(?:fue|murio) (?:mi|don|dona|el senor|la senora)\b|se mato (?:un|una|mi) (?:companero|companera"
    r"|amigo|amiga|primo|prima|compa) (?:\S+ ){0,4}?(?:accidente|choque)"
    # money and work gone: unpaid, a business closed, rent up, goods seized, a licence lost, a card maxed
    r"|(?:hasn't|hasnt|haven't|havent|didn't|didnt|never|still hasnt|still hasn't) paid (?:us|me)"
    r"|no (?:me|nos) (?:ha|han) (?:pagado|llegado (?:la|el) (?:nomina|pago|sueldo|quincena|cheque))"
    r"|no me ha llegado (?:la|el) (?:nomina|pago|sueldo|quincena|cheque)|se pel\w* con (?:el|la|los) (?:pisto|lana"
    r"|dinero|plata|feria|pago)|(?:closed|close|closing) (?:the|my|our) (?:shop|store|business|restaurant|stand"
    r"|truck|salon)|cerr\w* (?:el|mi) (?:local|negocio|puesto|changarro|taller|restaurante)|rent went up"
    r"|(?:me )?subieron (?:la )?renta|decomis\w*|me quede sin nada|lost (?:my|the|our) (?:\S+ )?(?:license|licence"
    r"|permit)|(?:child support|cuota alimentaria) (?:\S+ ){0,2}?(?:took|se (?:me )?lleva)|maxed (?:out )?on"
    r"|hasta el tope|lost the (?:week'?s|month'?s) (?:take|pay|rent)|no (?:cualificamos|calificamos|qualify)"
    r"|(?:cut|cuts|cutting) (?:my|his|her|our) (?:\S+ )?(?:hours|pay|shifts|benefits)|me cortaron el (?:pan|wic|snap"
    r"|subsidio|cupon)"
    r"|we (?:got|have) (?:\d+|thirty|sixty) days|selling the building|vend\w* el edificio|ya no nos (?:llamo|llamaron)"
    r"|no work this week"
    r"|(?:swept|raided|cleared) (?:our|the|my) (?:camp|tent|encampment)|(?:they|cops|police|security|someone|somebody"
    r"|shelter) (?:\S+ )?took my (?:tent|cart|stuff|meds|bike|id)"
    r"|se llevaron mi (?:carro|carrito|tienda|cosas)|me (?:volaron|bajaron) (?:los|las|el|la|mi|mis)\b"
    r"|(?:have to|gotta|got to|hay que) (?:sell|vender) (?:the|la) (?:house|home|casa)|after the fire"
    r"|despues del (?:fuego|incendio)|(?:tent|tienda) (?:\S+ ){0,2}?(?:soaked|flooded|empap\w*|inund\w*)"
    r"|se empap\w* la tienda"
    r"|ran out of (?:my )?(?:meds|medication|pills|bupe|suboxone|insulin|methadone|food|money)|se me (?:acabo|acabaron)"
    r" (?:la|las|el|los) (?:medicina|medicinas|pastillas|insulina|comida|dinero|lana)"
    # a relapse told in the street's words: "me piqué otra vez", "5 meses a la basura", "back to day 1"
    r"|(?:me pique|me inyecte) (?:otra vez|de nuevo)|(?:volvi|volver) a (?:la|las|el|los) (?:chiva|pastillas|piedra"
    r"|cristal|perico|botella|chupe|pisto|trago|apuestas|casino)|pegandole al (?:chupe|pisto|trago|alcohol)"
    r"|\d+ (?:meses|months|dias|days|anos|years) (?:a la basura|down the drain|wasted|tirados)|back to day (?:1|one)"
    r"|de vuelta al dia (?:1|uno)|(?:gambling|drinking|using)(?:'s| is) back|tomando (?:pa|para) (?:poder )?dormir"
    r"|drinking to (?:sleep|fall asleep)"
    # loneliness as what happens
    r"|(?:haven't|havent|have not|not) (?:talked|spoken|seen) (?:to |with )?(?:anyone|anybody|a soul|a person|people)"
    r" (?:\S+ ){0,3}?(?:in|for) (?:\S+ ){0,2}?(?:days|weeks|months)|no hablo con (?:nadie|un adulto|una persona)"
    r" (?:\S+ ){0,4}?(?:hace|en) (?:\S+ ){0,2}?(?:dias|semanas|meses)|(?:mas|more) (?:con|with|to) (?:\S+ ){1,4}?"
    r"(?:que con|than (?:with|to)) (?:la gente|mi familia|nadie|people|my family|anyone|humans)"
    r"|nadie con quien|no one to (?:eat|talk|have dinner|spend) with|(?:solo|sola) (?:fui|llegue|estaba) yo"
    r"|i was the only one (?:there|who (?:came|showed))|(?:wasn't|wasnt|was not|weren't) invited|no me invitaron"
    r"|nomas me (?:felicito|llamo|escribio)|(?:\d+|nine|nueve|ten|diez) (?:days|dias) (?:sin salir|without (?:leaving"
    r"|going out|seeing anyone))|texts? first\. ever|its just me (?:here )?now|real quiet now"
    r"|(?:weekends|sundays|domingos|los fines de semana) (?:are|son) (?:the worst|lo peor)"
    # worn out, told as what the body does
    r"|running on fumes|(?:can't|cant) remember my last day off|(?:fell|fall|falling) asleep standing"
    r"|me quede dormid[oa] parad[oa]|dread going in|pecho apretado|stomach in knots|me tiemblan las manos"
    r"|no me puedo concentrar|(?:cant|can't) even shower|voices (?:are )?loud"
    # children taken into care, a death this week, a divorce asked for, a court date, a job or a benefit refused
    r"|(?:cps|dcf|acs|dss|dif|icbf|social services|servicios sociales|the state|el estado|departamento de la familia"
    r"|bienestar familiar) (?:\S+ ){0,2}?(?:took|take|taken|has taken|se llevo|se llevaron|llevar|(?:nos |me )?"
    r"(?:ha |han |haber )?(?:retirado|retirar|quitado|quitaron|quito|quitar))"
    r"|(?:took|taken|take) (?:\S+ ){0,3}?into care|me (?:quitaron|han quitado|quitar) (?:a )?(?:mi|mis) (?:hij[oa]s?"
    r"|niet[oa]s?"
    r"|nen[ea]s?|bebe|ninos|chamac\w*|plebes?)|(?:en|a) acogida|(?:retirado|retirar) la (?:tutela|custodia)"
    r"|por orden del juez"
    r"|(?:passed|passed away|died|die|murio|morir|fallecio|fallecer) (?:\S+ ){0,2}?(?:this morning|today|last night"
    r"|yesterday"
    r"|hoy|ayer|anoche|esta manana|esta madrugada)|passed (?:away )?overnight|mataron a mi"
    r"|(?:funeral|velorio|entierro|memorial)(?:'s| is| es| ser)? (?:\S+ ){0,2}?(?:tomorrow|on (?:monday|tuesday"
    r"|wednesday"
    r"|thursday|friday|saturday|sunday)|manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))"
    r"|(?:perdio|perder|perdi) el bebe|lost the baby|miscarri\w*|(?:tuvimos|hemos tenido|tener"
    r"|haber tener) que dormir a"
    r"|(?:wants|want|asked for|asked me for|ask for|filed for|file for|me ha pedido|me pidio|pedir) (?:a "
    r"|el )?divorc\w*"
    r"|divorce (?:was |is )?final\w*|(?:se ha ido|se fue|irse|ir) (?:a vivir )?con (?:su|los|mis) (?:hermana|madre"
    r"|mama|ama|ninos|hijos|chamacos)"
    r"|(?:tengo|tenemos|tener) (?:juicio|corte|audiencia)|citacion del juzgado|(?:there's|theres|there is) a hearing"
    r"|hearing is (?:on |monday|tuesday|wednesday|thursday|friday)"
    r"|(?:insurance|seguro) (?:\S+ )?(?:dropped|drop|cancel\w*) me|me (?:han )?(?:denegao|denegado|denegaron|negaron"
    r"|negado"
    r"|denegar|negar) (?:la|el) \S+|no apt[oa] para|zero points|performance plan|bajo rendimiento"
    r"|me (?:han )?dejao en tierra|me dejaron en tierra|cerraron la (?:linea|planta|fabrica)"
    r"|nos (?:dieron las gracias|corrieron|despidieron) a (?:los|todos)|no me llamaron (?:pa|para) (?:la )?"
    r"(?:chamba|trabajo|jale)|lost my (?:site|spot|berth) on|expulsad[oa]|me (?:bocharon|bochar|suspendieron"
    r"|suspender|reprobaron)|reported me for|se incendio|burned down"
    r"|(?:bill|factura|cuenta) (?:\S+ ){0,2}?\$?\d{3,}|(?:me )?reclama \d+|ultimo aviso|burofax|lost \d+ on"
    r"|no me pagaron"
    r"|me robaron"
    r"|(?:salio|came back) sospechos\w*|(?:le|me) (?:dio|dar) (?:un|otro) (?:infarto|derrame)|le pusieron sonda"
    # no one there, told as facts; a relapse or a craving in everyday words
    r"|nadie me (?:llama|escribe|saluda|busca)"
    r"|nobody (?:calls|texts|called|texted|checks)|(?:solo|nomas) me (?:saludo|felicito) el banco"
    r"|(?:cai|recai|volvi a caer|me cai|caer) (?:otra vez )?con (?:el|la) (?:trago|bebida|droga|piedra|cristal)"
    r"|back on the (?:painkillers|pills|bottle|booze|sauce|drink)|ganas de (?:un toque|ponerme pedo|ponerme hasta"
    r"|una cheve|consumir|meterme)|casi (?:se la )?(?:acepto|acepte|recaigo|caigo)|almost (?:took|said yes|relapsed"
    r"|picked up)|(?:contando|counting) (?:las )?calori\w* (?:de nuevo|otra vez|again)"
    r"|(?:llevaba|tenia|had) (?:\d+|un|una|one|two|dos|tres|three) (?:anos?|meses|mes|dias|years?|months?|days?)"
    r" (?:limpi[oa]|sobri[oa]|clean|sober)|(?:the )?urges? (?:is|are) (?:crazy|bad|strong|real|insane)"
    r"|(?:back on|went back on|went back to) the (?:pokies|slots|pipe|bottle|gear|pills)|hit the pipe"
    r"|me puse (?:bien )?(?:pedo|borracho|hasta la madre) (?:\S+ ){0,4}?otra vez|(?:fumando|bebiendo|apostando"
    r"|consumiendo) (?:\S+ )?de nuevo|(?:fumar|meterme|consumir) (?:cristal|piedra|crack|meth|foco|perico)"
    r"|sigo metido en las apuestas|he vuelto a (?:apostar|pedir prestamos|jugar|beber|tomar|consumir)"
    r"|(?:termine|terminar|acabe|acabar) (?:otra vez )?en (?:la|el) (?:cerveceria|cantina|bar|estadero|licoreria)"
    r"|bien (?:bolo|pedo|borracho|pisto) (?:\S+ ){0,2}?otra vez"
    # a benefit or a contract taken, a partner gone with the children, a court date, a fraud, an injury, a first
    # Christmas without them
    r"|me (?:quitaron|cortaron|suspendieron|han quitado|han cortado|quitar|cortar) (?:el|la) (?:bono|ayuda|subsidio"
    r"|beca|pension|apoyo|ingreso)|me (?:dejo|dejaron|dejar) sin (?:contrato|trabajo|chamba|casa|cuarto|techo)"
    r"|me (?:dejo|dejar) por (?:otro|otra|un|una)|left me for|me quede sin (?:cuarto|casa|trabajo|chamba|techo"
    r"|donde vivir)|se (?:regreso|regresar|fue|ir|llevo|llevar) (?:\S+ ){0,3}?con (?:los|mis) (?:ninos|hijos|chamacos"
    r"|chamos|pelaos|nenes)|(?:ice|la migra) (?:picked up|took|detained|se llevo|agarro|detuvo)"
    r"|citacion de|me citaron a|court in \d+|academic probation|unpaid|abierto (?:un )?expediente"
    r"|(?:nos|me) (?:van a sacar|sacan|sacaron|echaron|van a echar) de(?:l)? (?:albergue|cuarto|casa|apartamento"
    r"|depa|piso|shelter)|estafaron|scammed|fraude|tore my (?:acl|mcl|meniscus|achilles)"
    r"|me (?:fracture|rompi) (?:la|el) (?:pierna|brazo|muneca|tobillo|rodilla)"
    r"|(?:primera|first) (?:navidad|christmas|thanksgiving|cumpleanos|birthday) (?:sin|without)"
    # a home lost, lights cut, children taken, a funeral to come
    r"|(?:landlord|casero|dueno) (?:\S+ )?(?:sold|selling|is selling|vendio|vende|va a vender)|shutting (?:us|me) off"
    r"|me (?:cortan|van a cortar) la luz|(?:bed|cama) is only (?:until|till)|nos dieron \d+ dias (?:para|pa) (?:sacar"
    r"|salir)"
    r"|restraining order|orden de alejamiento|(?:se llevaron|took) (?:a )?(?:mi"
    r"|my) \S+ (?:\S+ ){0,3}?(?:servicios sociales"
    r"|social services|cps|dcfs|dcf)|dcfs (?:came|took)|(?:manana|tomorrow) (?:es|is) (?:el |the )?(?:velorio|funeral"
    r"|entierro)|buried (?:\S+ )?(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday|yesterday|today))")

# A threat reported as said: "he said he would kill me" is no idiom, whatever the words.
GROUPS["THREAT"] = (r"(?:say|says|saying|said|threaten|swear|swore|told me|tell me|keep saying|texted|yell|yelling"
                    r"|diciendo|diciendome|amenazando"
                    r"|scream|screaming|texting|messaging|dijo|dice|dicen|dijeron|decir|amenazar|amenaza"
                    r"|grita|gritando|gritar"
                    r"|escribio|escribir|mando|jura|juro)"
                    r" (?:(?:\S+ ){0,10}?(?:matar a (?:mi|mis|nuestra|nuestras|nuestro|nuestros|tu|tus|su|sus) \S+"
                    r"|kill (?:my|our) (?:family|families|kids|mom|wife|husband)|(?:lo|la|los|nos|me|te) entierran?"
                    r"|me (?:queman|quema|van a quemar)|(?:i'm|im|i am|you're|your) next|no (?:salgo|sales"
                    r"|sale) viv[oa]|(?:won'?t|wont) (?:make it|get) out alive|(?:sigo|soy) (?:yo"
                    r"|el siguiente|la siguiente)|(?:put|throw|dump|leave) (?:me|us|him|her) in (?:the|a) (?:river"
                    r"|ground|dirt|ditch|trunk"
                    r"|canal|lake)|(?:dejan|dejar|tiran|tirar|echan|echar|van a dejar|van a tirar) en (?:una |la |el )?"
                    r"(?:cuneta|zanja|rio|canal|monte|barranco)|me desaparece|me (?:va|van|ir) a desaparecer"
                    r"|me desaparecen"
                    r"|make me disappear"
                    r"|end up (?:in the (?:canal|river|ditch|desert)|dead)|terminan en el (?:canal|rio)"
                    r"|me (?:va|van|ir) a quebrar|me quiebra|me quiebran|(?:terminar|acabar) (?:con nosotros|conmigo)"
                    r"|finish (?:us|me) off)"
                    r"|(?:\S+ ){0,6}?(?:kill me|hurt me|kill us|ya me (?:toca|tocaba|toco)|(?<!just )shoot me|stab me"
                    r"|me matar|me mata|matar me|matarnos|nos matar"
                    r"|(?:i'?m|im|you'?re) dead on sight|luz verde|dispararme|balearme|me (?:va|van|ir) a (?:disparar"
                    r"|balear)"
                    r"|kill (?:her|him)\b(?! (?:husband|wife|son|daughter|brother|sister|mom|mum|dad|boyfriend"
                    r"|girlfriend"
                    r"|kids?|cat|dog|for|with)\b)|la (?:va|van) a matar"
                    r"|me ir a matar|nos ir a matar|me van a matar|me matan|(?:me|la|nos) entierra))")
GROUPS["ULTIMATUM"] = (r"(?:or|or else|o|o si no|si no) (?:\S+ ){0,2}?(?:kill me|they'll kill me|me matar|me pelar"
                       r"|me quebrar|me mata|me matan)"
                       # staying or leaving as the condition: "si sigo con él me va a matar"
                       r"|(?:si|if) (?:(?:i )?sigo|me quedo|i stay|stay|regreso|vuelvo|lo dejo|la dejo|i leave|leave)"
                       r" (?:\S+ ){0,5}?(?:me (?:va|van|ir) a matar|me matar|me mata"
                       r"|(?:he|she|they)(?:'ll| will) kill me)")
GROUPS["WISH_DIE"] = r"<WANT> (?:[^\s.!?]+ ){0,4}?<DIE>"
# A threat on a condition, at the end of a longer sentence: "said if he sees me leave he's going to kill me",
# "dice que si le hablo a la policía me mata". Like any threat reported as said, it is no idiom even beside a
# laugh: the rules cannot tell "my boss says if I'm late again he'll kill me lol" from a partner's, a person can.
GROUPS["THREAT_IF"] = (r"(?:say|says|saying|said|told me|tell me|texted|yelled|dijo|dice|dicen|dijeron|decir|amenaza"
                       r"|amenazar|escribio|mando) (?:que |that )?(?:if|si) (?:\S+ ){0,10}?(?:(?:he|she|they|hes|he's"
                       r"|shes"
                       r"|she's|he'll|she'll|they'll|he'd|she'd) (?:\S+ ){0,3}?(?:kill|hurt|shoot|stab|choke) (?:me|us)"
                       r"|(?:me|nos|lo|la|los|las) (?:mata|matan|matar|va a matar|van a matar|ir a matar))")
# Hurt by someone, and kept from leaving or calling: "me rompió el labio y me quitó las llaves".
GROUPS["HIT"] = (r"(?:slapped|punched|kicked|hit|beat|shoved|choked|slap|punch|kick|shove|choke) (?:me|her|him|my mom)"
                 r"|(?:me|le|la|lo) (?:pego|pega|pegar|golpeo|golpea|golpear|empujo|empujar|avento|aventar|cacheteo)"
                 r"|me (?:ha |han |haber )?(?:roto|romper|rompio) (?:el labio|la nariz|la boca|un diente|el brazo)"
                 r"|broke my (?:nose|lip|tooth|arm|jaw)|me (?:revento|reventar|partio|partir) (?:la boca|el labio"
                 r"|la cara"
                 r"|la nariz)")
GROUPS["CONFINED"] = (r"(?:me|le|la) (?:ha |han |haber )?(?:quitad[oa]|quitao|quito|quitar|escondido|escondio|esconder)"
                      r" (?:las llaves|el telefono|el celular|el movil)|took (?:my|her|his) (?:phone|keys|car keys)"
                      r"|(?:not letting|won'?t let|doesn'?t let|no (?:me|la|le) (?:deja|dejar)) (?:(?:me|her|him) )?"
                      r"(?:\S+ )?(?:leave|salir|use|usar|call|llamar)|locked (?:me|her|him) in|me (?:tiene|tienen"
                      r"|tener)"
                      r" encerrad[oa]|me encerro|no (?:puedo|poder) salir de (?:la )?casa")

GROUPS["BOSS_IF"] = (r"(?:boss|chef|jefe|supervisor|foreman|capataz|mayordomo|encargado|coach|entrenador|sargento"
                    r"|sarge) (?:[^\s.!?]+ ){0,3}?(?:say|says|said|told me|tell me|dice|dijo|decir|me dijo)"
                    r" (?:que |that )?(?:if|si) (?:[^\s.!?]+ ){0,4}?(?:late|tarde|break|broke|rompo|romper|forget"
                    r"|olvido|olvidar|burn|quemo|quemar|drop|tiro)\b(?: [^\s.!?]+){0,10}? (?:kill|killing|bury|burying"
                    r"|murder|mata|matan|matar|entierra|entierran|enterrar)\b")

# (reason shown to the coordinator, groups that must all be present)
CRISIS_RULES = [
    ("talk of dying", ("WISH_DIE",)),
    ("a means named", ("MEANS", "PLAN")),
    ("a means named", ("MEANS", "HOLD")),
    ("a means named", ("MEANS", "ALONE")),
    ("a means named", ("MEANS", "DONE")),
    ("a means named", ("MEANS", "PASSIVE")),
    ("a high or dangerous place", ("PLACE", "HERE")),
    ("farewell signs", ("FAREWELL",)),
    ("a goodbye beside signs of risk", ("BYE", "DONE")),
    ("a goodbye beside signs of risk", ("BYE", "MEANS")),
    ("a goodbye beside signs of risk", ("BYE", "PASSIVE")),
    ("a goodbye beside signs of risk", ("BYE", "PLAN")),
    ("danger from another person", ("VIOLENCE",)),
    ("danger from another person", ("THREAT",)),
    ("someone else at risk", ("KIN", "OTHERS_RISK")),
    ("a medical emergency", ("EMERGENCY",)),
    ("relapse with a wish to die", ("RELAPSE", "PASSIVE")),
    ("relapse with a wish to die", ("RELAPSE", "IF_I_DIE")),
    ("relapse with a wish to die", ("RELAPSE", "ALONE", "MEANS")),
    ("a wish not to go on", ("PASSIVE",)),
    ("a means named", ("MEANS", "DIE")),
    ("a means named", ("EXHAUST",)),
    ("danger from another person", ("ULTIMATUM",)),
    ("danger from another person", ("HIT", "CONFINED")),
    ("danger from another person", ("THREAT_IF",)),
    ("a goodbye for ever", ("BYE", "FOREVER")),
    ("talk of dying", ("IF_I_DIE", "RELIEF")),
    ("talk of dying", ("IF_I_DIE", "ALONE")),
    ("a decision made", ("DECIDED", "RELIEF")),
    ("a decision made", ("DECIDED", "DIE")),
    ("a decision made", ("DECIDED", "BYE")),
    ("a decision made", ("DECIDED", "DONE")),
    ("a decision made", ("DECIDED", "PASSIVE")),
    ("self-harm", ("HARM_BODY",)),
    ("self-harm", ("WRISTS",)),
    ("self-harm", ("BURNING",)),
    ("a means named", ("METHOD_KNOWN",)),
    ("voices telling them to act", ("VOICES", "DECIDED")),
    ("voices telling them to act", ("VOICES", "DIE")),
    ("voices telling them to act", ("VOICES", "MEANS")),
    ("voices telling them to act", ("VOICES", "DONE")),
    ("a goodbye beside signs of risk", ("BYE", "ELEGY")),
    ("a decision made", ("DECIDED", "PLACE")),
    ("affairs settled, beside relief", ("TIDY", "RELIEF")),
    ("a decision made", ("DECIDED", "NOTICE")),
    ("a high or dangerous place", ("PLACE", "NOTICE")),
    ("a means named", ("MEANS", "NOTICE")),
    ("a high or dangerous place", ("PLACE", "FOREVER")),
    ("looking up how to die", ("METHOD_SEARCH",)),
]
# An everyday cause explains a rule's concepts away: "burned my arm on the stove".
UNLESS = {("HARM_BODY",): "ACCIDENT"}
# A boss who threatens the member over being late or a broken pan is a way of talking at work
# ("chef says if i break one more hotel pan hes gonna bury me"): that threat is left to the model,
# which still sees it. Only the threat inside those words: a threat over anything else, or from
# anyone else, in the same reply stands.
ASIDE = {("THREAT",): "BOSS_IF", ("THREAT_IF",): "BOSS_IF"}
# Crisis readings that are weak alone: an everyday context (ORDINARY) explains them, and the
# reply is left to the learned second opinion, which still sees the concepts ("k:FAREWELL").
# Measured leave-one-batch-out, these are the labels that most often fired on calm replies.
WEAK = frozenset({"farewell signs", "a high or dangerous place", "goodbye message", "method words",
                  "a wish not to go on", "a medical emergency", "talk of dying"})
# Readings no everyday context explains, whatever else the reply holds: "she says she'll kill me, and
# the hunting rifle is in the closet".
NEVER_EXPLAINED = frozenset({"danger from another person", "someone else at risk", "self-harm"})
# Concepts that are a sign of risk wherever they occur: any one of them withholds good news.
RISK_SIGNS = ("DIE", "MEANS", "PLACE", "BYE", "FAREWELL", "VIOLENCE", "OTHERS_RISK", "EMERGENCY", "PASSIVE",
              "DONE", "HARM_BODY", "METHOD_SEARCH", "FOREVER", "IF_I_DIE", "DECIDED", "EXHAUST", "THREAT",
              "ULTIMATUM", "WISH_DIE", "WRISTS", "METHOD_KNOWN", "BURNING")
# Signs of risk that alone leave the reader unsure: the member is asked.
UNSURE = ("DONE", "DECIDED")
# Concepts an everyday context explains: "goodbye for now, see you Thursday".
BENIGN_FAREWELL = ("BYE", "FAREWELL", "PASSIVE")
# What a coordinator reads when a concept alone leaves the reader unsure.
UNSURE_WORDS = {"DONE": "sounded as if they cannot go on", "DECIDED": "said they have decided, without saying what",
                "MEANS": "mentioned pills or other means", "PLACE": "mentioned a high or dangerous place", "DIE": "talked about dying",
                "BYE": "sounded like a goodbye"}


def _expand(p: str) -> str:
    while "<" in p and (q := re.sub(r"<([A-Z_]+)>", lambda m: GROUPS[m.group(1)], p)) != p:
        p = q
    return p


_PATTERNS = AnchoredPatterns({name: _expand(p) for name, p in GROUPS.items()})


# A threat reported as said is no figure of speech, even inside an idiom's words ("he said he'd
# kill me lol"); nor are the words that set a boss's joke aside (BOSS_IF), which must cover it.
KEPT_BESIDE_IDIOMS = frozenset({"THREAT", "ULTIMATUM", "THREAT_IF", "BOSS_IF"})


def find(words: ReplyText, lemmas: ReplyText, words_aside, lemmas_aside,
         benign_goodbye: bool) -> dict[str, list[tuple[int, int]]]:
    """Where each concept occurs in the reply, as spans of the lemma text, outside the spans set
    aside. A concept is matched over the lemmas ("me corté" -> "me cortar") and over the words
    as typed, so a phrase written in either form is found ("chest hurts", "not breathing")."""
    found = {}
    in_lemmas = _PATTERNS.spans(lemmas.norm)
    # most replies have no word a lemma changes: read them once
    in_words = _PATTERNS.spans(words.norm) if words.norm != lemmas.norm else {}
    for name in GROUPS:
        if (name not in in_lemmas and name not in in_words) or (benign_goodbye and name in BENIGN_FAREWELL):
            continue
        keep_all = name in KEPT_BESIDE_IDIOMS
        spans = {span for span in in_lemmas.get(name, ()) if keep_all or not overlaps(*span, lemmas_aside)}
        spans.update(words.same_words(lemmas, span) for span in in_words.get(name, ())
                     if keep_all or not overlaps(*span, words_aside))
        if spans:
            found[name] = sorted(spans)
    return found


_RULE_NEEDS = [(label, needs, frozenset(needs)) for label, needs in CRISIS_RULES]


def crisis(lemmas: ReplyText, found) -> list[tuple[str, list[str]]]:
    """(reason, the member's words) for each crisis rule whose concepts all occur."""
    out: dict[str, list[str]] = {}
    names = found.keys()
    for label, needs, need_set in _RULE_NEEDS:
        if need_set <= names and UNLESS.get(needs) not in found and not _set_aside(needs, found):
            words = [lemmas.quote_span(*found[n][0]) for n in needs if n != "WANT"]
            out.setdefault(label, []).extend(words)
    return list(out.items())


def _set_aside(needs, found) -> bool:
    """Every occurrence of the rule's one concept lies inside the words that explain it (ASIDE)."""
    aside = found.get(ASIDE.get(needs), ())
    return bool(aside) and all(overlaps(*span, aside) for span in found[needs[0]])


def unsure(found) -> list[str]:
    return [name for name in UNSURE if name in found]


def explained(labels, found) -> bool:
    """Every crisis reading is weak alone and an everyday context explains it."""
    return bool(labels) and "ORDINARY" in found and all(label in WEAK for label in labels)
