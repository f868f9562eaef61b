import pytest

from ghatnakram.clean import clean_article
from ghatnakram.facts import find_quantities, find_quotes, find_recurrence
from ghatnakram.models import Article
from ghatnakram.normalize import normalize_text, split_sentences
from ghatnakram.readers.text import split_headline

from conftest import SEED_000, SEED_002


def _text(raw: str) -> str:
    """Input as the pipeline passes it: normalised."""
    return normalize_text(raw)


def _seed(path):
    title, body = split_headline(path.read_text(encoding="utf-8"))
    article = clean_article(Article(id=path.stem, outlet="seed", title=title, text=body, raw_text=body))
    return article.text, article.title


def _quotes(raw: str) -> list[tuple[str, str, int]]:
    return [(q.speaker, q.text, q.sentence) for q in find_quotes(_text(raw))]


def _quantities(raw: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(_text(raw))]


# --- quotes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, speaker, said",
    [
        (
            "पुतिन ने कहा, “हमारे अंतर-राज्यीय संबंधों को बहाल करने की दिशा में काफी प्रगति हुई है।”",
            "पुतिन",
            "हमारे अंतर-राज्यीय संबंधों को बहाल करने की दिशा में काफी प्रगति हुई है",
        ),
        (
            "मुख्यमंत्री योगी आदित्यनाथ ने कहा: “प्रदेश में किसी को भूखा नहीं सोने दिया जाएगा।”",
            "मुख्यमंत्री योगी आदित्यनाथ",
            "प्रदेश में किसी को भूखा नहीं सोने दिया जाएगा",
        ),
        ("कप्तान ने लिखा, 'हम अगला मैच जरूर जीतेंगे।'", "कप्तान", "हम अगला मैच जरूर जीतेंगे"),
    ],
)
def test_direct_quote_after_the_verb_names_the_speaker(raw, speaker, said):
    assert _quotes(raw) == [(speaker, said, 0)]


def test_direct_quote_spanning_two_sentences_is_one_quote():
    raw = "सेना प्रमुख ने कहा, “हम तैयार हैं। सीमा पूरी तरह सुरक्षित है।” इसके बाद बैठक खत्म हुई।"
    assert _quotes(raw) == [("सेना प्रमुख", "हम तैयार हैं। सीमा पूरी तरह सुरक्षित है", 0)]


@pytest.mark.parametrize(
    "raw, speaker, said",
    [
        (
            "बैठक में पुतिन ने कहा कि रूस और सीरिया के बीच 8 दशक से दोस्ताना संबंध रहे हैं।",
            "पुतिन",
            "रूस और सीरिया के बीच 8 दशक से दोस्ताना संबंध रहे हैं",
        ),
        (
            "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव ने पहले कहा था कि यह मुद्दा बातचीत में जरूर उठेगा।",
            "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव",
            "यह मुद्दा बातचीत में जरूर उठेगा",
        ),
        (
            "इसी बीच, अमेरिका के राष्ट्रपति डोनाल्ड ट्रंप ने अल-शारा की प्रशंसा करते हुए कहा कि सीरिया में हालात सुधर रहे हैं।",
            "अमेरिका के राष्ट्रपति डोनाल्ड ट्रंप",
            "सीरिया में हालात सुधर रहे हैं",
        ),
        ("जिलाधिकारी ने रविवार को बताया कि नदी का जलस्तर घट रहा है।", "जिलाधिकारी", "नदी का जलस्तर घट रहा है"),
        ("विपक्ष ने आरोप लगाया कि सरकार आंकड़े छिपा रही है।", "विपक्ष", "सरकार आंकड़े छिपा रही है"),
        ("कंपनी ने दावा किया कि उसका टीका सुरक्षित है।", "कंपनी", "उसका टीका सुरक्षित है"),
        ("रेल मंत्रालय ने घोषणा की कि पंद्रह विशेष ट्रेनें चलेंगी।", "रेल मंत्रालय", "पंद्रह विशेष ट्रेनें चलेंगी"),
        ("डॉक्टरों ने चिंता जताई कि अस्पतालों में बिस्तर कम हैं।", "डॉक्टरों", "अस्पतालों में बिस्तर कम हैं"),
        ("शिक्षा मंत्री का कहना है कि परीक्षाएं समय पर होंगी।", "शिक्षा मंत्री", "परीक्षाएं समय पर होंगी"),
        ("वित्त मंत्री बोलीं, अर्थव्यवस्था तेजी से संभल रही है।", "वित्त मंत्री", "अर्थव्यवस्था तेजी से संभल रही है"),
        # a participle clause or a finite verb before the speaker is not part of the speaker
        ("राजद पर निशाना साधते हुए उपमुख्यमंत्री सुशील मोदी ने कहा कि नेता जमीनी हकीकत नहीं जानते।",
         "उपमुख्यमंत्री सुशील मोदी", "नेता जमीनी हकीकत नहीं जानते"),
        ("इसे लेकर कोई आधिकारिक आदेश नहीं है और समाजशास्त्रियों ने कहा कि इसकी जड़ें संस्कृति में हैं।",
         "समाजशास्त्रियों", "इसकी जड़ें संस्कृति में हैं"),
        # nor a "को लेकर" phrase, a list item's dash or an agency's dateline
        ("इसे लेकर प्रधानमंत्री मोदी ने कहा कि घबराने की जरूरत नहीं है।", "प्रधानमंत्री मोदी", "घबराने की जरूरत नहीं है"),
        ("- लव अग्रवाल ने कहा कि संक्रमण के 114 मामले हैं।", "लव अग्रवाल", "संक्रमण के 114 मामले हैं"),
        ("नयी दिल्ली, 23 मार्च (भाषा) नागर विमानन मंत्रालय ने कहा कि घरेलू उड़ानें बंद रहेंगी।",
         "नागर विमानन मंत्रालय", "घरेलू उड़ानें बंद रहेंगी"),
        ("इसी के साथ सरकार ने कहा कि किसी को भी यात्रा नहीं करनी चाहिए।", "सरकार", "किसी को भी यात्रा नहीं करनी चाहिए"),
    ],
)
def test_indirect_quote_is_the_clause_after_the_reporting_verb(raw, speaker, said):
    assert _quotes(raw) == [(speaker, said, 0)]


@pytest.mark.parametrize(
    "raw, speaker, said, sentence",
    [
        ("“हम हर चुनौती के लिए तैयार हैं,” सेना प्रमुख ने कहा।", "सेना प्रमुख", "हम हर चुनौती के लिए तैयार हैं", 0),
        ("“हम हर चुनौती के लिए तैयार हैं।” सेना प्रमुख ने कहा।", "सेना प्रमुख", "हम हर चुनौती के लिए तैयार हैं", 0),
    ],
)
def test_quote_before_its_attribution_takes_the_speaker_after_it(raw, speaker, said, sentence):
    assert _quotes(raw) == [(speaker, said, sentence)]


@pytest.mark.parametrize(
    "raw, speaker, said",
    [
        ("जिलाधिकारी के मुताबिक, बाढ़ से चालीस गांव प्रभावित हैं।", "जिलाधिकारी", "बाढ़ से चालीस गांव प्रभावित हैं"),
        ("मौसम विभाग के अनुसार अगले दो दिन भारी बारिश होगी।", "मौसम विभाग", "अगले दो दिन भारी बारिश होगी"),
    ],
)
def test_according_to_attributes_the_rest_of_the_sentence(raw, speaker, said):
    assert _quotes(raw) == [(speaker, said, 0)]


def test_according_to_a_rule_or_unnamed_information_is_no_quote():
    assert _quotes("मिली जानकारी के मुताबिक, दोनों नेता शाम को मिलेंगे।") == []
    assert _quotes("नियमों के अनुसार सभी यात्रियों की जांच होगी।") == []


@pytest.mark.parametrize(
    "raw",
    [
        "हालात के मुताबिक दूसरे देशों की यात्रा पर भी रोक लगाई जा सकती है।",
        "जरूरत के अनुसार कर्मचारियों को कार्यालय बुलाया जा सकता है।",
        "रात नौ बजे की स्थिति के अनुसार देश में संक्रमण के कुल मामले 51,435 हो गए।",
    ],
)
def test_according_to_the_situation_or_a_need_is_no_quote(raw):
    assert _quotes(raw) == []


def test_unhone_takes_the_subject_of_the_sentence_before():
    raw = "पुतिन ने अल-शरा का स्वागत किया। उन्होंने कहा कि रूस हमेशा सीरिया के साथ रहा है।"
    assert _quotes(raw) == [("पुतिन", "रूस हमेशा सीरिया के साथ रहा है", 1)]


def test_unka_kahna_hai_takes_the_subject_of_the_sentence_before():
    raw = "जिलाधिकारी ने राहत शिविरों का दौरा किया। उनका कहना है कि किसी को भूखा नहीं रहने दिया जाएगा।"
    assert _quotes(raw) == [("जिलाधिकारी", "किसी को भूखा नहीं रहने दिया जाएगा", 1)]


def test_unhone_follows_a_chain_of_pronoun_sentences():
    raw = "राज्यपाल ने झंडा फहराया। उन्होंने परेड की सलामी ली। उन्होंने कहा कि राज्य तेजी से आगे बढ़ रहा है।"
    assert _quotes(raw)[-1][0] == "राज्यपाल"


@pytest.mark.parametrize(
    "raw",
    [
        "बैठक दो घंटे चली। उन्होंने कहा कि बातचीत सफल रही।",
        # the sentence between names the candidate in another role: not obvious
        "पुतिन ने कहा कि प्रगति हुई है। यह अल-शारा की पुतिन से दूसरी मुलाकात थी। उन्होंने कहा कि संबंध मजबूत होंगे।",
    ],
)
def test_unhone_stays_when_the_speaker_is_not_obvious(raw):
    assert _quotes(raw)[-1][0] == "उन्होंने"


def test_unhone_after_who_gave_the_information_is_that_person():
    quotes = find_quotes("पंजाब में कोई मरीज लापता नहीं है। यह जानकारी स्वास्थ्य मंत्री बलबीर सिंह सिद्धू ने दी। "
                         "उन्होंने कहा कि मीडिया की रिपोर्टें गलत हैं।")
    assert [(q.speaker, q.text) for q in quotes] == [("स्वास्थ्य मंत्री बलबीर सिंह सिद्धू", "मीडिया की रिपोर्टें गलत हैं")]


def test_sentence_opening_with_the_verb_continues_the_last_speaker():
    raw = "सीएमओ ने बताया कि जिले में तीन नए मरीज मिले हैं। कहा कि सभी की हालत स्थिर है।"
    assert _quotes(raw)[-1] == ("सीएमओ", "सभी की हालत स्थिर है", 1)


def test_unattributed_quotation_has_an_empty_speaker():
    raw = "रैली में किसान देर तक डटे रहे। “हम अपना हक लेकर रहेंगे।”"
    assert _quotes(raw) == [("", "हम अपना हक लेकर रहेंगे", 1)]


@pytest.mark.parametrize(
    "raw",
    [
        "संसद में ‘ऑपरेशन सिंदूर’ और “बोर्ड ऑफ पीस” पर चर्चा हुई।",
        "पत्रिका ‘फ्रंटियर्स इन पब्लिक हेल्थ’ में अध्ययन छपा।",
        "सोशल मीडिया पर “घर में रहें, सुरक्षित रहें” का संदेश छाया रहा।",
    ],
)
def test_quoted_names_titles_and_slogans_are_not_quotes(raw):
    assert _quotes(raw) == []


def test_speaker_written_with_a_zero_width_joiner_is_found():
    raw = "गायिका कनिका कपूर ने जांच कराई। उन\u094d\u200dहोंने लिखा, ‘मैं अब ठीक महसूस कर रही हूं।’"
    assert _quotes(raw) == [("गायिका कनिका कपूर", "मैं अब ठीक महसूस कर रही हूं", 1)]


def test_calling_something_something_is_not_a_quote():
    assert _quotes("पुतिन ने असद शासन के उखाड़े जाने को महान सफलता बताया।") == []


def test_seed_002_quotes_name_putin_peskov_and_trump():
    text, _ = _seed(SEED_002)
    sentences = split_sentences(text)
    quotes = find_quotes(text)
    putin = quotes[0]
    assert putin.speaker == "पुतिन"
    assert putin.text == "हमारे अंतर-राज्यीय संबंधों को बहाल करने की दिशा में काफी प्रगति हुई है"
    assert sentences[putin.sentence].startswith("पुतिन ने कहा, “हमारे अंतर-राज्यीय")
    speakers = [q.speaker for q in quotes]
    assert "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव" in speakers
    assert speakers[-1] == "अमेरिका के राष्ट्रपति डोनाल्ड ट्रंप"


def test_seed_000_indirect_quotes_resolve_unhone_to_the_last_named_speaker():
    text, _ = _seed(SEED_000)
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes[:3]] == ["अल-शरा", "अल-शरा", "पुतिन"]
    assert quotes[1].text == "सीरिया, रूस के साथ सभी पुराने समझौतों का सम्मान करेगा"


# --- quantities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["1.5 लाख लोग प्रभावित", "डेढ़ लाख लोग प्रभावित", "1,50,000 लोग प्रभावित", "१.५ लाख लोग प्रभावित", "१,५०,००० लोग प्रभावित"],
)
def test_one_and_a_half_lakh_is_150000_however_written(raw):
    assert _quantities(raw) == [(150000, "people")]


@pytest.mark.parametrize(
    "raw, value, unit",
    [
        ("हादसे में 12 लोगों की मौत हो गई।", 12, "deaths"),
        ("हादसे में १२ लोगों की मौत हो गई।", 12, "deaths"),
        ("हादसे में बारह लोगों की जान गई।", 12, "deaths"),
        ("अब तक 3,300 की मौत हो चुकी है।", 3300, "deaths"),
        ("पुल गिरने से 45 घायल हो गए।", 45, "injured"),
        ("पुल गिरने से 45 लोग घायल हुए।", 45, "injured"),
        ("जिले में कोरोना के 5 नए मामले सामने आए।", 5, "cases"),
        ("यहां के 120 लोग कोरोना पॉजिटिव मिले हैं।", 120, "cases"),
        ("अब तक 225 मरीज ठीक होकर घर लौट चुके हैं।", 225, "recovered"),
        ("लैब में 3,000 सैंपल की जांच हुई।", 3000, "tests"),
        ("सरकार ने 250 करोड़ रुपये मंजूर किए।", 2.5e9, "rupees"),
        ("बाढ़ राहत के लिए ढाई सौ करोड़ रुपये दिए गए।", 2.5e9, "rupees"),
        ("उस पर ₹500 का जुर्माना लगा।", 500, "rupees"),
        ("शहर में 141 करोड़ के टेंडर जारी हुए।", 1.41e9, "rupees"),
        ("निर्यात 2.6 अरब डॉलर का रहा।", 2.6e9, "dollars"),
        ("दूसरे चरण में 58.6 प्रतिशत मतदान हुआ।", 58.6, "percent"),
        ("पहले चरण में 61% मतदान हुआ।", 61, "percent"),
        ("बेरोजगारी दस फीसदी बढ़ी।", 10, "percent"),
        ("भाजपा ने 240 सीटें जीतीं।", 240, "seats"),
        ("भारत ने 325 रन बनाए।", 325, "runs"),
        ("मरने वालों की संख्या बढ़कर 17 हो गई।", 17, "deaths"),
        ("राज्य में संक्रमितों का आंकड़ा 500 के पार पहुंचा।", 500, "cases"),
        ("इस मौत के बाद इन्फैक्टेड लोगों की संख्या बढ़कर 7,161 हो गई।", 7161, "cases"),
        ("तीन मरीजों की जांच रिपोर्ट निगेटिव आई।", 3, "negative"),
        ("अब तक 211 लोगों की रिपोर्ट निगेटिव आई है।", 211, "negative"),
        ("इलाज करा रहे मरीजों में से 60 अब भी भर्ती हैं।", 60, "cases"),
        ("करीब साढ़े तीन लाख लोग बेघर हुए।", 350000, "people"),
        ("गाड़ी में 56 यात्री सवार थे।", 56, "people"),
        ("एक 65 वर्षीय महिला को भर्ती कराया गया।", 65, "years"),
        ("रूस, 14 वर्षों तक चले गृहयुद्ध में असद का सहयोगी रहा।", 14, "years"),
        ("दोनों देशों में 8 दशक से दोस्ती है।", 8, "decades"),
        ("मरीज को 14 दिन अलग रखा जाएगा।", 14, "days"),
        ("पिछले साल 500 लोगों की मौत हुई थी।", 500, "deaths"),
        ("कीमत 1.5लाख रुपये है।", 150000, "rupees"),
    ],
)
def test_unit_comes_from_the_noun_and_verb_around_the_number(raw, value, unit):
    assert _quantities(raw) == [(value, unit)]


@pytest.mark.parametrize(
    "raw, value",
    [
        ("एक लाख बीस हज़ार लोग", 120000),
        ("1 लाख 20 हजार लोग", 120000),
        ("दो सौ लोग", 200),
        ("सवा दो लाख लोग", 225000),
        ("पौने दो सौ लोग", 175),
        ("1.1 लाख करोड़ रुपये", 1.1e12),
        ("3 मिलियन लोग", 3e6),
    ],
)
def test_compound_numbers_add_up(raw, value):
    assert _quantities(raw)[0][0] == pytest.approx(value)


def test_quantity_keeps_the_text_as_written_and_its_sentence():
    quantities = find_quantities(_text("बारिश जारी है। बाढ़ से डेढ़ लाख लोग प्रभावित हुए।"))
    assert [(q.text, q.sentence) for q in quantities] == [("डेढ़ लाख", 1)]


@pytest.mark.parametrize(
    "raw",
    [
        "28 जनवरी 2026 को दोनों नेता मिले।",
        "बुधवार (२८ जनवरी) को बैठक हुई।",
        "2015 में रूस ने दखल दिया।",
        "वर्ष 2020 कठिन रहा।",
        "सुबह 10 बजे बैठक शुरू हुई।",
        "बैठक 10:30 पर शुरू हुई।",
        "शहर में धारा 144 लागू है।",
        "कोविड-19 से बचाव जरूरी है।",
        "G20 सम्मेलन दिल्ली में हुआ।",
        "नौसेना ने P-8I विमान तैनात किया।",
        "12वीं की परीक्षा टली।",
        "हेल्पलाइन 18001805145 पर फोन करें।",
        "दोनों नेता पहली बार आमने-सामने आए।",
        "यह एक बड़ी बाधा बनी हुई है।",
        "उन्हें जाने दो।",
    ],
)
def test_dates_years_times_labels_and_idioms_are_not_quantities(raw):
    assert _quantities(raw) == []


def test_one_counts_when_a_unit_follows():
    assert _quantities("हादसे में एक व्यक्ति की मौत हुई।") == [(1, "deaths")]


def test_numbers_in_a_list_share_the_unit_named_once():
    assert _quantities("उनकी उम्र 30, 36 और 57 वर्ष है।") == [(30, "years"), (36, "years"), (57, "years")]


def test_both_ends_of_a_range_count_the_same_thing():
    raw = "मई के मध्य तक संक्रमित मामलों की संख्या एक लाख से लेकर 13 लाख तक हो सकती है।"
    assert _quantities(raw) == [(100000, "cases"), (1300000, "cases")]


def test_a_change_and_the_total_it_leads_to_count_the_same_thing():
    assert _quantities("गंभीर मामलों की संख्या 464 घटकर 5,952 हो गई है।") == [(464, "cases"), (5952, "cases")]


def test_the_level_a_percentage_change_reached_is_no_percentage():
    assert _quantities("सेंसेक्स 2 फीसदी बढ़कर 40,000 पर पहुंचा।") == [(2, "percent"), (40000, "")]
    assert _quantities("दर 2 फीसदी से बढ़कर 5 फीसदी हुई।") == [(2, "percent"), (5, "percent")]


def test_both_ends_of_a_time_range_are_left_out():
    assert _quantities("दुकानें सुबह 7 से 11 बजे तक खुलेंगी।") == []


def test_two_counts_in_one_clause_each_get_their_own_unit():
    raw = "अब तक 81,439 लोग संक्रमित हुए हैं, जिनमें से 3,300 की मौत हो गई और 45 घायल हैं।"
    assert _quantities(raw) == [(81439, "cases"), (3300, "deaths"), (45, "injured")]


def test_seed_002_counts_the_war_years_and_two_bases_but_not_the_date():
    text, _ = _seed(SEED_002)
    sentences = split_sentences(text)
    quantities = find_quantities(text)
    assert [(q.value, q.text, q.unit) for q in quantities] == [(14, "14", "years"), (2, "दो", "")]
    assert "दो सैन्य अड्डे" in sentences[quantities[1].sentence]


def test_seed_000_reports_eight_decades_and_no_year():
    text, _ = _seed(SEED_000)
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(8, "decades")]


# --- recurrence -------------------------------------------------------------------------------


def test_seed_000_main_event_is_the_first_meeting():
    text, title = _seed(SEED_000)
    recurrence = find_recurrence(text, title)
    assert (recurrence.ordinal, recurrence.noun, recurrence.text) == (1, "बार", "पहली बार")
    assert split_sentences(text)[recurrence.sentence] == "दोनों नेता पहली बार आमने-सामने आए।"
    assert find_recurrence(text) == recurrence


def test_first_time_describing_a_noun_is_not_the_main_event():
    text = _text("तख्तापलट के बाद पहली बार रूस गए सीरियाई नेता अल-शरा ने दिसंबर 2024 में विद्रोह किया था।")
    assert find_recurrence(text) is None


def test_seed_002_main_event_is_the_second_meeting():
    text, title = _seed(SEED_002)
    recurrence = find_recurrence(text, title)
    assert (recurrence.ordinal, recurrence.noun, recurrence.text) == (2, "मुलाकात", "दूसरी मुलाकात")
    assert split_sentences(text)[recurrence.sentence].startswith("यह सत्ता संभालने के बाद")


@pytest.mark.parametrize(
    "raw, ordinal, noun, cue",
    [
        ("गंगा एक बार फिर खतरे के निशान के ऊपर बह रही है।", None, "बार", "एक बार फिर"),
        ("यमुना दो हफ्ते में दूसरी बार उफनी।", 2, "बार", "दूसरी बार"),
        ("प्रधानमंत्री का यह तीसरा दौरा है।", 3, "दौरा", "तीसरा दौरा"),
        ("देश में कोरोना की दूसरी लहर आ गई है।", 2, "लहर", "दूसरी लहर"),
        ("दोनों नेताओं की यह पहली द्विपक्षीय बैठक थी।", 1, "बैठक", "पहली द्विपक्षीय बैठक"),
        ("सेंसेक्स लगातार तीसरे दिन गिरा।", 3, "दिन", "लगातार तीसरे दिन"),
        ("राज्य में कोरोना से पहली मौत हुई।", 1, "मौत", "पहली मौत"),
        ("पुलिस ने दोबारा छापा मारा।", None, "", "दोबारा"),
        ("ऐसा पहली बार नहीं है जब नदी उफनी हो।", None, "बार", "पहली बार नहीं"),
        ("पानीपत से 19वां मामला सामने आया।", 19, "मामला", "19वां मामला"),
        ("टीम को 2nd बार खिताब मिला।", 2, "बार", "2nd बार"),
    ],
)
def test_ordinal_cue_and_what_recurs(raw, ordinal, noun, cue):
    recurrence = find_recurrence(_text(raw))
    assert (recurrence.ordinal, recurrence.noun, recurrence.text) == (ordinal, noun, cue)


@pytest.mark.parametrize(
    "raw",
    [
        "दोनों नेताओं ने मुलाकात की।",
        "दूसरी ओर विपक्ष ने बहिष्कार किया।",
        "दो दिन पहले बैठक हुई थी।",
        "इससे पहले 2019 में दोनों की पहली मुलाकात हुई थी।",
    ],
)
def test_no_cue_for_the_main_event(raw):
    assert find_recurrence(_text(raw)) is None


def test_title_cue_comes_before_a_cue_in_the_text():
    text = _text("राहुल गांधी वायनाड पहुंचे। यह उनका दूसरा दौरा है।")
    recurrence = find_recurrence(text, title=_text("राहुल गांधी पहली बार वायनाड पहुंचे"))
    assert (recurrence.ordinal, recurrence.sentence) == (1, -1)


def test_cue_deep_in_an_unrelated_part_of_the_body_is_ignored():
    lead = "दिल्ली में बारिश से जलभराव हुआ। कई सड़कों पर पानी भरा। यातायात धीमा रहा। "
    filler = "नगर निगम की टीमें काम पर लगीं। " * 3
    text = _text(lead + filler + "अर्जेंटीना में पहली बार क्रिकेट लीग शुरू होगी।")
    assert find_recurrence(text) is None


_TRUCE_LEAD = "सूडान की सेना और आरएसएफ 10 दिन के युद्धविराम पर राजी हो गए। जेद्दा में वार्ता पूरी हुई। दोनों पक्षों ने हस्ताक्षर किए। "


@pytest.mark.parametrize(
    "body",
    [
        "युद्धविराम टिका तो इसे आगे बढ़ाने पर तीसरे दौर की वार्ता होगी।",
        "मध्यस्थों ने कहा, “हमारी युद्धविराम वार्ता का यह दूसरा दौर है।”",
        "अगर सूडान की वार्ता विफल रही तो यह पांचवीं घटना होगी।",
    ],
)
def test_a_body_cue_of_a_later_happening_or_someone_elses_words_is_not_the_main_events(body):
    assert find_recurrence(_text(_TRUCE_LEAD + body)) is None


def test_a_cue_in_a_pluperfect_clause_gives_way_to_the_next_cue_of_the_sentence():
    text = _text("सूडान की वार्ता में युद्धविराम पर सहमति बनी। "
                 "अप्रैल में चला पहला दौर खाली हाथ खत्म हुआ था, इसलिए दूसरे दौर में समझौता खबर है।")
    found = find_recurrence(text)
    assert (found.ordinal, found.text) == (2, "दूसरे दौर")


def test_a_cue_told_as_the_count_so_far_stays_the_main_events_though_a_later_clause_is_future():
    text = _text("दिल्ली जा रहा विमान पक्षी टकराने के बाद पटना लौटा। सभी यात्री सुरक्षित हैं। विमान की जांच हुई। "
                 "निदेशक ने बताया कि इस वर्ष विमान से पक्षी टकराने की यह पांचवीं घटना है और निगम को फिर पत्र लिखा जाएगा।")
    assert find_recurrence(text).ordinal == 5


def test_empty_text_has_no_facts():
    assert find_quotes("") == [] and find_quantities("") == [] and find_recurrence("", title="") is None


def test_a_dateline_line_does_not_take_a_place_in_the_lead_when_finding_the_recurrence():
    text = ("पटना, एएनआइ ।\nबिहार में कोरोना से एक और मौत हो गई है ।\n"
            "इसके साथ ही राज्य में मरने वालों की संख्या तीन हो गई है ।\nकोविड-19 से यह तीसरी मौत है ।\n"
            "राज्य में पहली मौत मुंगेर के एक व्यक्ति की हुई थी ।")
    found = find_recurrence(text)
    assert (found.ordinal, found.text, found.sentence) == (3, "तीसरी मौत", 3)  # not the background "पहली मौत"


def test_a_speaker_loses_the_participle_and_age_that_a_cut_after_mein_leaves_before_the_name():
    text = ("लखीमपुर के एक राहत शिविर में रह रहीं 62 वर्षीय जोनाली गोगोई ने कहा, “घर में कमर तक पानी भर गया है।” "
            "गया के जिलाधिकारी ने कहा, “राहत शिविरों में भोजन की कमी नहीं है।”")
    assert [q.speaker for q in find_quotes(text)] == ["जोनाली गोगोई", "गया के जिलाधिकारी"]


@pytest.mark.parametrize("text, direct", [
    ("पुतिन ने कहा, “हम बातचीत के लिए तैयार हैं।”", True),
    ("“हम बातचीत के लिए तैयार हैं,” पुतिन ने कहा।", True),
    ("पुतिन ने कहा कि “हम बातचीत के लिए तैयार हैं।”", True),
    ("पुतिन ने कहा कि रूस बातचीत के लिए तैयार है।", False),
    ("प्रवक्ता के मुताबिक ट्रेन करीब 70 किलोमीटर प्रति घंटे की रफ्तार से चल रही थी।", False),
])
def test_a_quote_in_quotation_marks_is_direct_and_reported_speech_is_not(text, direct):
    assert [q.direct for q in find_quotes(text)] == [direct]


def test_the_base_of_a_rate_is_no_count():
    found = [(q.value, q.unit) for q in find_quantities("भारत में प्रति 1000 व्यक्ति बेड की संख्या सिर्फ 0.7 है।")]
    assert found == [(0.7, "beds")]
    assert [q.value for q in find_quantities("हर 10 लाख की आबादी पर 300 जांच हुईं।")] == [300.0]


def test_quotes_after_a_quote_spanning_sentences_are_each_found_once():
    raw = "मंत्री ने कहा, “हम तैयार हैं। सब ठीक है।” बाद में सचिव ने कहा, “जांच होगी।” विपक्ष ने कहा कि सरकार विफल रही।"
    assert _quotes(raw) == [("मंत्री", "हम तैयार हैं। सब ठीक है", 0), ("सचिव", "जांच होगी", 2), ("विपक्ष", "सरकार विफल रही", 3)]


def test_a_speaker_starts_after_a_clause_that_ends_in_a_perfective_and_and():
    raw = ("पिछले 24 घंटे में जिले में कोई भी नया मामला सामने नहीं आया और राज्य सरकार के अधिकारियों ने कहा कि "
           "अब केवल 30 रोगियों का इलाज चल रहा है।")
    assert _quotes(raw) == [("राज्य सरकार के अधिकारियों", "अब केवल 30 रोगियों का इलाज चल रहा है", 0)]


def test_what_a_speaker_confirmed_is_not_part_of_the_speaker():
    raw = ("जिले में एक और व्यक्ति संक्रमित पाया गया है। इसकी पुष्टि जिले के सीएमओ डॉक्टर अनुराग शर्मा ने करते हुए "
           "कहा कि शख्स को आइसोलेशन वार्ड में रखा गया है।")
    assert _quotes(raw) == [("जिले के सीएमओ डॉक्टर अनुराग शर्मा", "शख्स को आइसोलेशन वार्ड में रखा गया है", 1)]


@pytest.mark.parametrize("sentence, expected", [
    ("सेना के कम से कम 12 प्रशिक्षुओं की मौत हो गई।", (12, "deaths")),  # whoever they were: a toll
    ("कम से कम 60 चरमपंथी मारे गए हैं।", (60, "deaths")),
    ("सात यात्रियों की मौत हो गई तथा दो अन्य गंभीर रूप से घायल हो गए।", (2, "injured")),
    ("हिमस्खलन में एक गाइड की मौत हो गई।", (1, "deaths")),
    ("इससे पहले कर्नाटक में एक बुजुर्ग की कोरोना से मौत हुई थी।", (1, "deaths")),
    ("अब तक की बाढ़ में कुल 52 लोग मारे जा चुके हैं।", (52, "deaths")),
    ("अधिकारियों ने 14 लोगों के मारे जाने की पुष्टि की है।", (14, "deaths")),
    ("इस हादसे में तीन लोगों को गंभीर चोटें आईं हैं।", (3, "injured")),
    ("एम्बुलेंस-कार की भिड़ंत में 7 जनें घायल हो गए।", (7, "injured")),
    ("आठ लोगों की मौत हो गई है जबकि दो दर्जन लोग घायल हुए हैं।", (24, "injured")),
    ("मई में हुए अटैक में मारे गए थे 90 लोग", (90, "deaths")),  # the harm before the count
    ("गंभीर रूप से घायल सात जवानों को हेलिकॉप्टर से रायपुर लाया गया।", (7, "injured")),
    ("उन्होंने बताया कि 12 लोगों की लाशें तथा 38 घायलों को अस्पताल लाया गया है।", (12, "deaths")),  # the bodies of
    ("इसके अलावा दुर्घटना में बस चालक और दो शिक्षकों की भी मौत हो गई।", (2, "deaths")),  # a particle between
])
def test_a_toll_counts_the_dead_or_injured_whoever_they_were(sentence, expected):
    assert expected in [(q.value, q.unit) for q in find_quantities(sentence)]


@pytest.mark.parametrize("sentence, not_expected", [
    ("अदालत ने तीन दोषियों की मौत की सजा की पुष्टि की।", (3, "deaths")),  # a death sentence is no toll
    ("कुल मामलों की संख्या 51,435 पहुंच गई है और मौत के मामले 1,694 पर पहुंच गए हैं।", (51435, "deaths")),
    ("हम समझ सकते थे कि वे एक ऐसी बीमारी से मरे हैं।", (1, "deaths")),
    ("बाली में एक मकान के ढहने से मारे गए।", (1, "deaths")),
    ("उनका कहना है कि कोविड- 19 के कारण लोगों की मौत प्रतिरोधक क्षमता से होती है।", (19, "deaths")),
    ("भूकंप में 2 लाख लोग मारे गए हैं और 10 लाख लोग बेघर हुए हैं।", (1e6, "deaths")),
])
def test_a_number_beside_a_death_is_no_toll_when_the_words_between_say_otherwise(sentence, not_expected):
    assert not_expected not in [(q.value, q.unit) for q in find_quantities(sentence)]
