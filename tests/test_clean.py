from ghatnakram.clean import clean_article, drop_title_line, is_promo_line, split_run_on_title, strip_promos, strip_story_list
from ghatnakram.models import Article
from ghatnakram.normalize import normalize_text
from ghatnakram.readers.text import split_headline

from conftest import SEED_000, SEED_002


def _clean_seed(path):
    title, body = split_headline(path.read_text(encoding="utf-8"))
    return clean_article(Article(id=path.stem, outlet="seed", title=title, text=body, raw_text=body))


def test_seed_000_clean_text_ends_before_the_related_story_block():
    article = _clean_seed(SEED_000)
    assert article.text.endswith("इसके बावजूद रूस सीरिया को तेल, अनाज और अन्य संसाधन कम कीमत पर सप्लाई करता रहा है।")
    assert "ये खबर भी पढ़ें" not in article.text
    assert "पूरी खबर" not in article.text


def test_seed_000_clean_text_says_nothing_about_the_canadian_minister():
    text = _clean_seed(SEED_000).text
    for promo_word in ("कनाडा", "अनीता आनंद", "साउथ ब्लॉक"):
        assert promo_word not in text


def test_seed_000_title_is_its_last_line():
    article = _clean_seed(SEED_000)
    assert article.title == (
        "सीरियाई नेता अल-शरा ने रूसी राष्ट्रपति पुतिन से मुलाकात की:दोनों नेता पहली बार आमने-सामने आए; "
        "मॉस्को में दोनों के बीच बैठक हुई"
    )
    assert article.title not in article.text


def test_seed_002_clean_text_has_no_read_more_line_and_no_title():
    article = _clean_seed(SEED_002)
    assert "और पढ़ें" not in article.text
    assert "ग्रीनलैंड" not in article.text and "बोर्ड ऑफ पीस" not in article.text
    assert article.title == ""
    assert article.text.startswith("सीरिया के राष्ट्रपति अहमद अल-शारा ने बुधवार (28 जनवरी 2026)")
    assert article.text.endswith("सीरिया में हालात “काफी अच्छे तरीके से आगे बढ़ रहे हैं।”")


def test_raw_text_is_kept_beside_the_clean_text():
    article = _clean_seed(SEED_002)
    assert "और पढ़ें" in article.raw_text


def test_read_also_lines_in_their_variants_are_promos():
    for line in (
        "यह भी पढ़ें: दिल्ली में बारिश",
        "ये भी पढ़ें- मौसम का हाल",
        "इसे भी पढ़ें: बाजार में तेजी",
        "और पढ़ें: रूस का मामला नहीं",
        "Also Read: Monsoon update",
        "पूरी खबर यहां पढ़ें…",
        "————————-",
    ):
        assert is_promo_line(normalize_text(line)), line


def test_share_and_subscribe_prompts_are_promos():
    for line in (
        "हमें फेसबुक और ट्विटर पर फॉलो करें।",
        "ताजा खबरों के लिए हमारा ऐप डाउनलोड करें",
        "हमारे व्हाट्सऐप चैनल से जुड़ें",
        "Follow us on Twitter",
    ):
        assert is_promo_line(normalize_text(line)), line


def test_news_sentences_that_mention_reading_or_social_media_are_kept():
    for line in (
        "छात्रों से कहा गया कि वे परीक्षा से पहले पूरा पाठ्यक्रम ध्यान से पढ़ें।",
        "मंत्री ने ट्विटर पर लिखा कि राहत कार्य तेज किया जाएगा।",
        "पुलिस ने लोगों से अपील की कि वे अफवाहों पर ध्यान न दें और फेसबुक पर झूठी खबरें शेयर न करें, क्योंकि इससे माहौल बिगड़ सकता है और कई लोगों की जान खतरे में पड़ सकती है, इसलिए सभी नागरिक संयम बरतें और प्रशासन का सहयोग करें।",
    ):
        assert not is_promo_line(normalize_text(line)), line


def test_inline_related_block_is_cut_but_text_after_it_kept():
    text = "बैठक खत्म हुई। ये खबर भी पढ़ें… दूसरी खबर का सार। पूरी खबर यहां पढ़ें… उधर बाजार में तेजी रही।"
    assert strip_promos(text) == "बैठक खत्म हुई। उधर बाजार में तेजी रही।"


def test_repeated_outlet_lines_are_removed_by_the_given_predicate():
    boiler = "सदस्यता लेने के लिए संपादक से संपर्क करें - नमूना टाइम्स"
    article = Article(id="a", outlet="o", text=f"खबर की पहली पंक्ति।\n{boiler}\nखबर की दूसरी पंक्ति।")
    cleaned = clean_article(article, is_repeated=lambda line: line == boiler)
    assert cleaned.text == "खबर की पहली पंक्ति।\nखबर की दूसरी पंक्ति।"


def test_a_body_line_that_repeats_the_headline_is_dropped():
    assert drop_title_line("शीर्षक यहां\nखबर का पाठ।", "शीर्षक यहां") == "खबर का पाठ।"
    assert drop_title_line("खबर का पाठ।", "शीर्षक") == "खबर का पाठ।"


def test_a_body_that_is_only_the_headline_is_kept():
    assert drop_title_line("शीर्षक यहां", "शीर्षक यहां") == "शीर्षक यहां"


def test_html_junk_in_a_text_field_is_reduced_to_its_text():
    raw = "<p>पटना में बारिश हुई।</p><script>alert('x')</script><p>सड़कें डूबीं &amp; यातायात रुका।</p>"
    cleaned = clean_article(Article(id="h", outlet="o", title="<b>बारिश</b>", text=raw, raw_text=raw))
    assert cleaned.text == "पटना में बारिश हुई।\nसड़कें डूबीं & यातायात रुका।"
    assert cleaned.title == "बारिश"


def test_angle_brackets_in_plain_text_are_left_alone():
    raw = "तापमान <40 डिग्री रहा और हवा तेज चली।"
    assert clean_article(Article(id="h", outlet="o", text=raw, raw_text=raw)).text == raw


def test_a_closing_list_of_other_stories_with_their_dates_is_cut():
    story = "सेना ने कोरोना वॉरियर्स को सलाम किया।\nतीनों सेनाएं अस्पतालों पर फूल बरसाएंगी।"
    listing = "\n".join(f"India News\nदूसरी खबर का शीर्षक {n}\n2 मई 2020" for n in range(3)) + "\nफेसबुक पर लाइक करें"
    assert strip_story_list(story + "\n" + listing) == story


def test_a_story_that_dates_its_own_paragraphs_keeps_them():
    story = "घटनाक्रम इस प्रकार रहा।\n15 मार्च 2020\nपहला मामला सामने आया।\n16 मार्च 2020\nस्कूल बंद किए गए।"
    assert strip_story_list(story) == story


# A title field that swallowed the dateline and the lead (written for the tests, in the shape scrapers produce).
_LEAD = ("मुख्यमंत्री कार्यालय में हुई बैठक में मुख्य सचिव ने मुख्यमंत्री को जिलों में संक्रमण के हालात की जानकारी दी. "
         "इससे पहले विधानसभा के बजट सत्र के दौरान सदस्यों ने सरकार को बढ़ते खतरे से आगाह कराया.")


def test_a_title_that_runs_on_into_the_lead_keeps_its_headline_and_the_lead_opens_the_text():
    article = clean_article(Article(id="a", outlet="o", title=f"कोरोना को लेकर मुख्यमंत्री ने की उच्चस्तरीय बैठकरांची : {_LEAD}",
                                    text="सूत्रों का कहना है कि स्कूल बंद करने का फैसला जल्द हो सकता है."))
    assert article.title == "कोरोना को लेकर मुख्यमंत्री ने की उच्चस्तरीय बैठक"
    assert article.text.startswith("रांची : मुख्यमंत्री कार्यालय में")
    assert article.text.endswith("सूत्रों का कहना है कि स्कूल बंद करने का फैसला जल्द हो सकता है.")


def test_an_agency_dateline_after_the_headline_ends_the_headline():
    title, lead = split_run_on_title(f"राज्यों से नियमों का सख्ती से पालन कराने को कहा: केंद्र नयी दिल्ली, {_LEAD}")
    assert title == "राज्यों से नियमों का सख्ती से पालन कराने को कहा: केंद्र"
    assert lead.startswith("नयी दिल्ली, मुख्यमंत्री")


def test_a_run_on_title_that_opens_with_its_dateline_is_all_lead_and_leaves_no_headline():
    assert split_run_on_title(f"जासं, मथुरा : {_LEAD}") == ("", f"जासं, मथुरा : {_LEAD}")
    assert split_run_on_title(_LEAD + " " + _LEAD) == ("", _LEAD + " " + _LEAD)


def test_a_long_headline_without_a_sentence_end_is_kept_whole():
    title = ("पटना / Bihar Corona News Update : बिहार में रिकवरी रेट 50 फीसदी, विपक्ष को चुभ रही कोरोना संकट के बीच "
             "सरकार की तारीफ, नेता प्रतिपक्ष ने कहा कि आंकड़े गलत हैं : उपमुख्यमंत्री")
    assert len(title.split()) > 25
    assert split_run_on_title(title) == (title, "")


def test_a_place_name_that_is_also_a_word_is_no_dateline():
    lead = f"मरीज ठीक हो गया, {_LEAD}"
    assert split_run_on_title(f"अस्पताल से छुट्टी मिली {lead}")[0] == ""


def test_a_headline_only_story_whose_title_ran_on_is_not_given_its_lead_twice():
    whole = f"कोरोना को लेकर मुख्यमंत्री ने की उच्चस्तरीय बैठकरांची : {_LEAD}"
    article = clean_article(Article(id="a", outlet="o", title=whole, text=whole))
    assert article.title == "कोरोना को लेकर मुख्यमंत्री ने की उच्चस्तरीय बैठक"
    assert article.text == f"रांची : {_LEAD}"


def test_a_long_headline_of_two_sentences_with_no_dateline_is_kept_whole():
    title = ("क्या भारत में कोरोना वायरस का सामुदायिक संक्रमण शुरू हो चुका है? विशेषज्ञों की राय में अभी ऐसा कहना "
             "जल्दबाजी होगी, लेकिन सतर्क रहना जरूरी है")
    assert 25 < len(title.split()) <= 40
    assert split_run_on_title(title) == (title, "")
