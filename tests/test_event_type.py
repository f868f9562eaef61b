
import numpy as np
import pytest

from ghatnakram.event_type import (
    EVENT_TYPES,
    OTHER,
    TRAIN_COMMAND,
    EventTypeModel,
    ModelMissing,
    article_features,
    article_keys,
    article_mentions,
    classify_event_type,
    incident_family,
    load_model,
    mentions_of,
    trigger_form,
)
from ghatnakram.readers import article_from_text

from conftest import SEED_000, SEED_002

FLOOD = (
    "असम में बाढ़ का कहर: 14 जिलों में दो लाख लोग प्रभावित, ब्रह्मपुत्र खतरे के निशान से ऊपर",
    "गुवाहाटी। असम में लगातार हो रही भारी बारिश के बाद बाढ़ की स्थिति और गंभीर हो गई है। राज्य आपदा "
    "प्रबंधन प्राधिकरण के अनुसार 14 जिलों में दो लाख से अधिक लोग बाढ़ से प्रभावित हैं। ब्रह्मपुत्र नदी कई "
    "स्थानों पर खतरे के निशान से ऊपर बह रही है। बाढ़ के पानी में सैकड़ों गांव डूब गए हैं और हजारों हेक्टेयर "
    "फसल बर्बाद हो गई है। प्रशासन ने 120 राहत शिविर खोले हैं, जहां 30 हजार लोगों ने शरण ली है।",
)
EARTHQUAKE = (
    "नेपाल में 6.1 तीव्रता का भूकंप, दिल्ली तक महसूस हुए झटके",
    "काठमांडू। नेपाल में मंगलवार सुबह 6.1 तीव्रता का भूकंप आया। भूकंप का केंद्र काठमांडू से 80 किलोमीटर "
    "पश्चिम में जमीन से दस किलोमीटर नीचे था। भूकंप के झटके बिहार, उत्तर प्रदेश और दिल्ली तक महसूस किए गए। "
    "झटके महसूस होते ही लोग घरों से बाहर निकल आए। कई पुराने मकानों में दरारें आ गईं और दो लोगों के "
    "घायल होने की खबर है।",
)
ROAD_ACCIDENT = (
    "आगरा-लखनऊ एक्सप्रेसवे पर बस और ट्रक की भीषण टक्कर, सात यात्रियों की मौत",
    "कन्नौज। आगरा-लखनऊ एक्सप्रेसवे पर शुक्रवार तड़के तेज रफ्तार बस सामने चल रहे ट्रक से टकरा गई। इस "
    "भीषण सड़क हादसे में सात यात्रियों की मौके पर ही मौत हो गई और 20 लोग घायल हो गए। पुलिस के अनुसार "
    "बस दिल्ली से आजमगढ़ जा रही थी और चालक को झपकी आने से टक्कर हुई। घायलों को जिला अस्पताल में भर्ती "
    "कराया गया है।",
)
FIRE = (
    "दिल्ली के मुंडका में चार मंजिला इमारत में भीषण आग, 27 लोगों की मौत",
    "नई दिल्ली। पश्चिमी दिल्ली के मुंडका इलाके में शुक्रवार शाम एक चार मंजिला व्यावसायिक इमारत में भीषण "
    "आग लग गई। आग में 27 लोगों की मौत हो गई और कई लोग झुलस गए। दमकल की 30 गाड़ियों ने कई घंटे की "
    "मशक्कत के बाद आग पर काबू पाया। शुरुआती जांच में आग लगने की वजह शॉर्ट सर्किट बताई जा रही है।",
)
CRICKET = (
    "कोहली के शतक से भारत ने ऑस्ट्रेलिया को छह विकेट से हराया, सीरीज में 1-0 की बढ़त",
    "मुंबई। विराट कोहली के शानदार शतक की बदौलत भारत ने पहले वनडे मैच में ऑस्ट्रेलिया को छह विकेट से "
    "हरा दिया। ऑस्ट्रेलिया ने पहले बल्लेबाजी करते हुए 50 ओवर में 286 रन बनाए थे। जवाब में भारत ने 47वें "
    "ओवर में लक्ष्य हासिल कर लिया। कोहली ने 112 गेंदों पर 121 रन की पारी खेली, जबकि जडेजा ने तीन विकेट "
    "लिए। कोहली को प्लेयर ऑफ द मैच चुना गया। सीरीज का दूसरा मैच रविवार को खेला जाएगा।",
)
ELECTION = (
    "चंदनपुर उपचुनाव: भाजपा के रमेश वर्मा 8,412 वोटों से जीते, सपा दूसरे स्थान पर",
    "चंदनपुर विधानसभा सीट के उपचुनाव की मतगणना गुरुवार को पूरी हुई। भाजपा प्रत्याशी रमेश वर्मा ने सपा "
    "की सुनीता यादव को 8,412 मतों से हराया। वर्मा को 62,310 और यादव को 53,898 वोट मिले। जीत के बाद "
    "वर्मा ने कहा कि यह विकास की जीत है। विपक्ष ने नतीजों को स्वीकार करते हुए कहा कि वह जनता के मुद्दे "
    "उठाता रहेगा। उपचुनाव में 61.4 प्रतिशत मतदान हुआ था।",
)


def test_model_loads_and_knows_the_28_event_types():
    model = load_model()
    assert len(EVENT_TYPES) == 28
    assert model.types == EVENT_TYPES
    assert set(model.triggers) == set(EVENT_TYPES)
    assert model.weights.shape == (len(model.vocabulary), 28)


def test_flood_report_is_floods():
    assert classify_event_type(*FLOOD) == "FLOODS"


def test_earthquake_report_is_earthquake():
    assert classify_event_type(*EARTHQUAKE) == "EARTHQUAKE"


def test_road_accident_is_vehicular_collision():
    assert classify_event_type(*ROAD_ACCIDENT) == "VEHICULAR_COLLISION"


def test_building_fire_is_fire():
    assert classify_event_type(*FIRE) == "FIRE"


@pytest.mark.parametrize("seed", [SEED_000, SEED_002], ids=["seed-000", "seed-002"])
def test_diplomatic_meeting_seed_is_other(seed):
    article = article_from_text(seed.read_text(encoding="utf-8"), seed, outlet="test")
    assert classify_event_type(article.title, article.text) == OTHER


def test_cricket_match_report_is_other():
    assert classify_event_type(*CRICKET) == OTHER


def test_election_result_is_other():
    assert classify_event_type(*ELECTION) == OTHER


def test_title_alone_is_enough_for_a_clear_incident():
    assert classify_event_type("उत्तराखंड में भूकंप के तेज झटके, लोग घरों से बाहर निकले", "") == "EARTHQUAKE"


def test_empty_article_is_other():
    assert classify_event_type("", "") == OTHER


def test_disaster_word_as_a_metaphor_in_a_sports_headline_is_other():
    title = "ग्रीन पार्क में रॉबर्ट्स का तूफान, भारत ए 23 रनों से हारा"
    text = (
        "कानपुर। कप्तान रॉबर्ट्स के आक्रामक शतक के दम पर इंग्लैंड लायंस ने दूसरे अनौपचारिक वनडे में भारत ए "
        "को 23 रन से हराकर सीरीज 1-1 से बराबर कर ली। 302 रन के लक्ष्य का पीछा करते हुए भारत ए की टीम "
        "48वें ओवर में 278 रन पर सिमट गई।"
    )
    assert classify_event_type(title, text) == OTHER


@pytest.mark.parametrize(
    "key, form",
    [("भूकंपों", "भूकंप"), ("हिमस्खलनों", "हिमस्खलन"), ("गोलियां", "गोली"), ("गोलियों", "गोली"), ("घटनाओं", "घटना"), ("बाढ़", "बाढ़"), ("में", "में")],
)
def test_trigger_words_match_across_plural_and_oblique_endings(key, form):
    assert trigger_form(key) == form


def test_model_survives_a_json_round_trip():
    model = load_model()
    again = EventTypeModel.from_json(model.to_json())
    for article in (FLOOD, EARTHQUAKE, ROAD_ACCIDENT, FIRE, CRICKET, ELECTION):
        assert again.predict(*article) == model.predict(*article)


def test_fast_scoring_path_matches_the_training_features():
    model = load_model()
    for title, text in (FLOOD, EARTHQUAKE, CRICKET, ("", ""), ("भूकंप", "")):
        reference = model.probabilities(article_features(title, text))
        fast = model.probabilities_of_keys(*article_keys(title, text))
        assert np.allclose(fast, reference)


def test_missing_model_error_names_the_file_and_the_training_command():
    with pytest.raises(ModelMissing) as error:
        load_model("no_such_model.json")
    assert "no_such_model.json" in str(error.value)
    assert TRAIN_COMMAND in str(error.value)


def test_article_without_any_trigger_word_is_other_as_the_full_scoring_would_say():
    model = load_model()
    for title, text in (CRICKET, ELECTION, ("", "")):
        assert model.any_trigger.isdisjoint(mentions_of(*article_keys(title, text)))
        mentions = article_mentions(title, text)
        scored = model.decide(model.probabilities(article_features(title, text)),
                              lambda event_type: model.evidence(mentions, event_type))
        assert model.predict(title, text) == scored == OTHER


def test_every_incident_type_has_one_family_and_other_has_none():
    assert all(incident_family(t) for t in EVENT_TYPES)
    assert {incident_family(t) for t in EVENT_TYPES} == {"weather", "heat", "quake", "violence", "accident", "fire"}
    assert incident_family(OTHER) is None
    assert incident_family("CYCLONE") == incident_family("FLOODS") != incident_family("EARTHQUAKE")
