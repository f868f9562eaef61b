import time
import unicodedata

import pytest

from ghatnakram.clean import clean_article
from ghatnakram.dates import event_date, find_dates, publication_day, score_event_dates
from ghatnakram.models import Article
from ghatnakram.normalize import split_sentences
from ghatnakram.readers.text import split_headline

from conftest import FIXTURES, SEED_000, SEED_002

# 2026-01-29 is a Thursday (गुरुवार); 2026-01-28 a Wednesday (बुधवार).
THURSDAY = "2026-01-29"


def _days(text, published=THURSDAY):
    return [(m.text, m.day) for m in find_dates(text, published)]


def _only(text, published=THURSDAY):
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def _clean_seed(path):
    title, body = split_headline(path.read_text(encoding="utf-8"))
    return clean_article(Article(id=path.stem, outlet="seed", title=title, text=body, raw_text=body))


# --- absolute dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, written",
    [
        ("अल-शारा ने 28 जनवरी 2026 को पुतिन से मुलाकात की।", "28 जनवरी 2026"),
        ("अल-शारा ने 28 जनवरी, 2026 को पुतिन से मुलाकात की।", "28 जनवरी, 2026"),
        ("बैठक जनवरी 28, 2026 को मॉस्को में हुई।", "जनवरी 28, 2026"),
        ("आदेश 28/01/2026 को जारी हुआ।", "28/01/2026"),
        ("आदेश 28.01.2026 को जारी हुआ।", "28.01.2026"),
        ("आदेश 28-01-2026 को जारी हुआ।", "28-01-2026"),
        ("मुलाकात २८ जनवरी २०२६ को हुई।", "२८ जनवरी २०२६"),
        ("मुलाकात २८ जनवरी को हुई।", "२८ जनवरी"),
        ("The meeting was held on January 28, 2026 in Moscow.", "January 28, 2026"),
    ],
)
def test_absolute_dates_in_every_written_form_resolve_to_the_day(sentence, written):
    mention = _only(sentence)
    assert (mention.text, mention.day) == (written, "2026-01-28")
    assert mention.kind in ("absolute", "numeric")


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("चुनाव 5 फरवरी को होंगे।", "2026-02-05"),
        ("चुनाव 5 फ\u093cरवरी को होंगे।", "2026-02-05"),  # nukta typed apart
        ("चुनाव 5 \u095eरवरी को होंगे।", "2026-02-05"),  # nukta precomposed
        ("बाढ़ 15 अगस्त 2025 को आई थी।", "2025-08-15"),
        ("सत्र 10 सितंबर 2025 को शुरू हुआ।", "2025-09-10"),
        ("सत्र 10 सितम्बर 2025 को शुरू हुआ।", "2025-09-10"),
        ("दशहरा 2 अक्टूबर 2025 को था।", "2025-10-02"),
        ("दशहरा 2 अक्तूबर 2025 को था।", "2025-10-02"),
        ("नतीजे 14 नवंबर 2025 को आए।", "2025-11-14"),
        ("नतीजे 14 नवम्बर 2025 को आए।", "2025-11-14"),
        ("हादसा 28 दिसंबर 2025 को हुआ।", "2025-12-28"),
        ("हादसा 28 दिसम्बर 2025 को हुआ।", "2025-12-28"),
        ("तीर्थयात्री एक मार्च 2025 को नेपाल से लौटे।", "2025-03-01"),
    ],
)
def test_month_names_are_read_in_their_spelling_variants(sentence, day):
    assert _only(sentence).day == day


def test_a_month_without_a_year_takes_the_year_before_across_new_year():
    assert _days("मंदिर में 28 दिसंबर को भगदड़ मची थी।", "2026-01-02") == [("28 दिसंबर", "2025-12-28")]


def test_a_month_without_a_year_can_be_just_after_publication():
    assert _days("परीक्षाएं 5 जनवरी से शुरू होंगी।", "2025-12-30") == [("5 जनवरी", "2026-01-05")]


def test_a_day_range_resolves_to_its_first_day():
    assert _days("मेले में बीते 11-12 फरवरी को भारी भीड़ रही।", "2026-03-05") == [("11-12 फरवरी", "2026-02-11")]


# --- weekdays ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("मुख्यमंत्री ने गुरुवार को अस्पताल का दौरा किया।", "2026-01-29"),  # the publication day itself
        ("अल-शारा ने बुधवार को पुतिन से मुलाकात की।", "2026-01-28"),
        ("सोमवार देर रात कार नहर में गिर गई।", "2026-01-26"),
        ("रविवार सुबह मंदिर में भीड़ उमड़ी।", "2026-01-25"),
        ("शुक्रवार को बाजार बंद रहे।", "2026-01-23"),
        ("बृहस्पतिवार को संसद में हंगामा हुआ।", "2026-01-29"),
    ],
)
def test_a_weekday_is_the_latest_such_day_on_or_before_publication(sentence, day):
    mention = _only(sentence)
    assert (mention.day, mention.kind) == (day, "weekday")


def test_a_weekday_with_a_future_verb_is_the_coming_one():
    assert _only("मंत्रिमंडल की बैठक शनिवार को होगी।").day == "2026-01-31"


def test_last_and_next_weekday_skip_the_publication_day():
    assert _only("पिछले गुरुवार को धरना हुआ था।").day == "2026-01-22"
    assert _only("अगले सोमवार को नतीजे आएंगे।").day == "2026-02-02"
    assert _only("बीते रविवार को मेला लगा।").day == "2026-01-25"


def test_a_weekday_in_apposition_with_a_date_takes_the_date():
    assert _days("सीरिया के राष्ट्रपति ने बुधवार (28 जनवरी 2026) को पुतिन से मुलाकात की।") == [
        ("बुधवार", "2026-01-28"),
        ("28 जनवरी 2026", "2026-01-28"),
    ]


# --- आज, कल, परसों -------------------------------------------------------------------


def test_aaj_is_the_publication_day():
    mention = _only("आज दिल्ली में न्यूनतम तापमान चार डिग्री रहा।")
    assert (mention.day, mention.kind) == ("2026-01-29", "relative")


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("कल रात पटना में तेज बारिश हुई।", "2026-01-28"),
        ("प्रधानमंत्री ने कल विपक्ष के नेताओं से मुलाकात की।", "2026-01-28"),
        ("कल शाम को बाजार में भीड़ थी।", "2026-01-28"),
        ("कल बोर्ड परीक्षा का परिणाम आएगा।", "2026-01-30"),
        ("प्रधानमंत्री कल राष्ट्र को संबोधित करेंगे।", "2026-01-30"),
        ("कल की बैठक में बजट पर फैसला होगा।", "2026-01-30"),
        ("कल सुबह 10 बजे से दुकानें खोली जाएंगी।", "2026-01-30"),
        ("कल पूरे दिन बादल छाए रहे।", "2026-01-28"),
    ],
)
def test_kal_is_yesterday_or_tomorrow_by_the_tense_of_its_verb(sentence, day):
    assert _days(sentence)[0] == ("कल", day)


def test_kal_without_a_verb_is_yesterday_as_news_reports_what_happened():
    assert _days("कल: पटना में बारिश")[0] == ("कल", "2026-01-28")


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("परसों गांव में दो गुटों के बीच झड़प हुई थी।", "2026-01-27"),
        ("परसों फाइनल मैच खेला जाएगा।", "2026-01-31"),
    ],
)
def test_parson_is_two_days_back_or_ahead_by_tense(sentence, day):
    assert _days(sentence) == [("परसों", day)]


def test_kal_in_apposition_with_a_weekday_takes_that_weekday():
    assert _days("कल यानी शनिवार को नगर निगम की बैठक होगी।", "2026-01-30") == [
        ("कल", "2026-01-31"),
        ("शनिवार", "2026-01-31"),
    ]


def test_aaj_kal_and_kal_kaarkhane_are_not_dates():
    assert _days("आज-कल लोग ऑनलाइन खरीदारी करते हैं और कल-कारखाने बंद हैं।") == []
    assert _days("आज तक गांव में कोई चोरी नहीं हुई।") == []


# --- counted and period expressions --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("युवक दो दिन पहले दिल्ली से लौटा।", "2026-01-27"),
        ("युवक पाँच दिन पहले दिल्ली से लौटा।", "2026-01-24"),
        ("युवक पांच दिन पहले दिल्ली से लौटा।", "2026-01-24"),
        ("मरीज 10 दिन पहले भर्ती हुआ था।", "2026-01-19"),
        ("नतीजे तीन दिन बाद घोषित होंगे।", "2026-02-01"),
        ("उसकी शादी छह दिन पूर्व हुई थी।", "2026-01-23"),
    ],
)
def test_n_days_before_or_after_count_from_publication(sentence, day):
    mention = _only(sentence)
    assert (mention.day, mention.kind) == (day, "relative")


def test_days_counted_from_another_event_are_not_resolved():
    assert _days("परीक्षा से दो दिन पहले पेपर लीक हो गया।") == []


def test_days_after_in_a_past_narrative_count_from_what_it_tells_not_from_publication():
    assert _days("पहला मामला 30 जनवरी को आया। 73 दिन बाद ये संख्या 1000 के पार हो गई थी।") == [("30 जनवरी", "2026-01-30")]
    assert _days("पांच दिन बाद मरीज की पत्नी भी संक्रमित हो गई।") == []
    assert _days("नतीजे तीन दिन बाद घोषित होंगे।") == [("तीन दिन बाद", "2026-02-01")]  # the future counts from publication


@pytest.mark.parametrize(
    "sentence, written",
    [
        ("बीती रात शहर के बाजार में आग लग गई।", "बीती रात"),
        ("गत दिवस जिलाधिकारी ने अस्पताल का निरीक्षण किया।", "गत दिवस"),
        ("बीते दिन नगर निगम की बैठक हुई।", "बीते दिन"),
    ],
)
def test_last_night_and_the_previous_day_are_the_day_before(sentence, written):
    mention = _only(sentence)
    assert (mention.text, mention.day) == (written, "2026-01-28")


def test_beete_dinon_is_lately_not_a_day():
    assert find_dates("बीते दिनों कई प्रवासी मजदूर गांव लौटे।", THURSDAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "जिले में 15 जनवरी गुरुवार को 24 नए केस मिले।",
        "जिले में 15 जनवरी- गुरुवार को 24 नए केस मिले।",
        "विभाग की गुरुवार 15 जनवरी की रिपोर्ट में 24 नए केस हैं।",
        "विभाग की गुरुवार, 15 जनवरी की रिपोर्ट में 24 नए केस हैं।",
    ],
)
def test_a_weekday_next_to_a_written_date_names_that_date(sentence):
    # In a timeline the weekday belongs to its date, not to the week of publication.
    assert {m.day for m in find_dates(sentence, THURSDAY)} == {"2026-01-15"}


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("पिछले हफ्ते राज्य में 40 नए मामले आए।", "2026-01-19"),  # the Monday of last week
        ("पिछले सप्ताह राज्य में 40 नए मामले आए।", "2026-01-19"),
        ("अगले महीने से नए नियम लागू होंगे।", "2026-02-01"),
        ("पिछले महीने बिक्री घटी।", "2025-12-01"),
    ],
)
def test_week_and_month_periods_are_relative_and_give_their_first_day(sentence, day):
    mention = _only(sentence)
    assert (mention.day, mention.kind) == (day, "relative")


# --- times of day ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, clock",
    [
        ("बुधवार सुबह 10 बजे धमाका हुआ।", "10:00+05:30"),
        ("बुधवार रात 11:40 बजे ट्रेन पटरी से उतरी।", "23:40+05:30"),
        ("बुधवार दोपहर 2 बजे बैठक शुरू हुई।", "14:00+05:30"),
        ("बुधवार शाम साढ़े पांच बजे जुलूस निकला।", "17:30+05:30"),
        ("बुधवार को 10:15 IST पर उपग्रह छोड़ा गया।", "10:15+05:30"),
    ],
)
def test_a_clock_time_is_attached_to_its_day_in_ist(sentence, clock):
    mention = _only(sentence)
    assert (mention.day, mention.time) == ("2026-01-28", clock)


def test_ist_is_india_standard_time_not_israel_time():
    mention = _only("उपग्रह का प्रक्षेपण 10:15 IST पर हुआ।")
    assert mention.time == "10:15+05:30"
    assert mention.kind == "time"


def test_a_datetime_published_in_utc_is_read_as_the_indian_day():
    assert publication_day("2026-01-28T20:00:00+00:00").isoformat() == "2026-01-29"
    assert publication_day("2026-01-28T10:15:00+05:30").isoformat() == "2026-01-28"
    assert publication_day("2026-01-28").isoformat() == "2026-01-28"
    assert publication_day(None) is None


# --- what is not a date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "रूस 14 वर्षों तक चले गृहयुद्ध में असद का सहयोगी रहा।",
        "रूस और सीरिया के बीच 8 दशक से दोस्ताना संबंध रहे हैं।",
        "पिछले 24 घंटे में जिले में 37 सड़क हादसे हुए।",
        "2015 में रूस ने सैन्य हस्तक्षेप किया था।",
        "हादसे में 28 लोग घायल हुए।",
        "महंगाई दर 5.2% से घटकर 4.1% रह गई।",
        "अल-शरा ने दिसंबर 2024 में तख्तापलट किया था।",
        "मरीजों को 14 दिन के लिए अलग रखा गया।",
    ],
)
def test_durations_counts_percentages_and_bare_years_are_not_dates(sentence):
    assert find_dates(sentence, THURSDAY) == []


def test_without_a_publication_date_only_dates_with_a_year_resolve():
    assert _days("बुधवार (28 जनवरी 2026) को कल की तरह ठंड रही।", None) == [("28 जनवरी 2026", "2026-01-28")]


def test_mentions_carry_offsets_and_sentence_numbers_of_split_sentences():
    text = "डॉ. शर्मा ने बताया कि मरीज सोमवार को भर्ती हुआ। उसकी रिपोर्ट बुधवार को आई।"
    sentences = split_sentences(text)
    for mention in find_dates(text, THURSDAY):
        assert text[mention.start : mention.end] == mention.text
        assert mention.text in sentences[mention.sentence]
    assert [m.sentence for m in find_dates(text, THURSDAY)] == [0, 1]


# --- the seeds ------------------------------------------------------------------------------------


def test_seed_000_event_is_the_wednesday_before_publication():
    article = _clean_seed(SEED_000)
    assert event_date(article.text, "2025-10-16", article.title) == "2025-10-15"


def test_seed_002_event_is_the_date_in_brackets():
    article = _clean_seed(SEED_002)
    assert event_date(article.text, "2026-01-29", article.title) == "2026-01-28"
    assert event_date(article.text, None, article.title) == "2026-01-28"


def test_seed_background_years_decades_and_durations_are_not_found():
    found = {m.text for seed in (SEED_000, SEED_002) for m in find_dates(_clean_seed(seed).text, "2026-01-29")}
    for background in ("दिसंबर 2024", "2015", "8 दशक", "14 वर्षों"):
        assert not any(background in text for text in found), found


# --- event_date -----------------------------------------------------------------------------------


def test_event_date_prefers_the_date_of_the_lead_over_later_ones():
    text = (
        "पटना में बुधवार को डेंगू के 12 नए मरीज मिले। नगर निगम ने फॉगिंग कराई। "
        "इससे पहले सोमवार को चार मरीज मिले थे। रविवार को जांच शिविर लगा।"
    )
    assert event_date(text, THURSDAY) == "2026-01-28"


def test_event_date_skips_background_in_the_pluperfect():
    text = "छात्र 22 जनवरी को कोटा से घर आया था। बुधवार को वह लापता हो गया।"
    assert event_date(text, THURSDAY) == "2026-01-28"


def test_a_telling_with_a_pluperfect_reported_clause_is_not_background():
    # The था belongs to the reported clause after कि, not to the telling on Wednesday.
    text = "जिलाधिकारी ने बुधवार को बताया कि युवक 20 जनवरी को दुबई से लौटा था।"
    assert event_date(text, THURSDAY) == "2026-01-28"


def test_the_past_progressive_tells_the_happening_itself():
    text = (
        "मंत्री ने किसानों से धैर्य रखने को कहा। "
        "वे बुधवार को जिले के कृषि मेले में किसानों को संबोधित कर रहे थे।"
    )
    assert event_date(text, THURSDAY) == "2026-01-28"


@pytest.mark.parametrize(
    "text",
    [
        "मोर्चे की मंगलवार को हुई बैठक से पासवान का उठकर चले जाना असहज क्षण था।",
        "वादा पूरा नहीं हुआ तो मंगलवार को जिले के किसान फिर सड़क पर थे।",
        "मंगलवार को जिले में बिजली नहीं थी।",
    ],
)
def test_a_copula_after_a_noun_or_a_negation_is_no_pluperfect(text):
    assert event_date(text, THURSDAY) == "2026-01-27"


def test_had_not_yet_when_is_a_pluperfect_and_the_day_after_when_is_the_happening():
    text = "बुधवार को पूर्वांचल में हुई मौतों के जख्म अभी भरे भी नहीं थे कि गुरुवार को बुंदेलखंड में बिजली गिरने से 9 लोगों की मौत हो गई।"
    assert event_date(text, THURSDAY) == THURSDAY


def test_a_comma_inside_a_number_does_not_end_the_clause():
    # "1,126 लोग संक्रमित हुए थे" is one pluperfect clause: background.
    text = "शहर में अब तक 1,157 लोग संक्रमित हैं। मंगलवार को 1,126 लोग संक्रमित हुए थे।"
    assert event_date(text, THURSDAY) == THURSDAY


@pytest.mark.parametrize("opening", ["गौरतलब है कि", "बता दें कि", "उल्लेखनीय है कि", "इससे पहले", "मालूम हो कि", "इसके पहले", "इसके एक दिन पहले"])
def test_a_date_in_a_sentence_opened_as_background_does_not_vote(opening):
    text = f"राज्य सरकार ने सभी स्कूल बंद करने का आदेश दिया है। {opening} मंगलवार को जिले में पहला मामला मिला।"
    assert event_date(text, THURSDAY) == THURSDAY


def test_event_date_skips_plans_and_bounds():
    text = "सरकार ने स्कूलों को 31 जनवरी तक बंद रखने का आदेश दिया। परीक्षाएं 5 फरवरी से होंगी।"
    assert event_date(text, THURSDAY) == THURSDAY


def test_event_date_falls_back_to_the_publication_day():
    assert event_date("राज्य में ठंड का प्रकोप जारी है।", "2026-01-29T08:00:00+05:30") == THURSDAY
    assert event_date("राज्य में ठंड का प्रकोप जारी है।", None) is None


def test_event_date_counts_from_an_agency_dateline():
    text = "वाराणसी, तीन मई (भाषा) गंगा घाट पर कल देर रात नाव पलटने से दो लोग डूब गए।"
    assert event_date(text, "2026-05-04") == "2026-05-02"


def test_a_print_datelines_date_is_the_filing_day_not_the_happening():
    # The paper of 24 October files from Lucknow that day; the team arrived on Thursday, the 23rd.
    text = "लखनऊ, 24 अक्टूबर। डेंगू के बढ़ते प्रकोप की समीक्षा के लिए केंद्र की तीन सदस्यीय टीम गुरुवार को लखनऊ पहुंची।"
    assert event_date(text, "2025-10-24") == "2025-10-23"
    bureau = "पटना, 12 सितंबर (जागरण ब्यूरो)। शहर में कल हुई बारिश से कई मोहल्लों में पानी भर गया।"
    assert event_date(bureau, "2025-09-13") == "2025-09-11"
    assert event_date("लखनऊ, 24 अक्टूबर। शहर में डेंगू के 40 नए मरीज मिले।", "2025-10-24") == "2025-10-24"


def test_event_date_reads_aaj_in_the_title():
    assert event_date("शहर में डेंगू के मरीजों की संख्या 310 हुई।", THURSDAY, "आज मिले डेंगू के 14 नए मरीज") == THURSDAY


def test_text_in_any_unicode_form_gives_the_same_event_date():
    text = "मंत्री ने बुधवार को 28 फ़रवरी की बैठक की घोषणा की।"
    assert event_date(unicodedata.normalize("NFD", text), THURSDAY) == event_date(text, THURSDAY)


# --- scoring ---------------------------------------------------------------------------------------


def test_score_counts_dated_stories_only_as_the_reference_scorer_does():
    result = score_event_dates(FIXTURES / "dates_events.jsonl")
    assert result == {"accuracy": 0.75, "n": 4, "correct": 3, "baseline_published": 0.25}


def test_score_names_the_line_that_is_not_labelled(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "gold": {"event_date": null}}\n{"id": "b", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: needs .id. and a .gold. object"):
        score_event_dates(path)


def test_score_of_a_file_without_dated_stories_is_zero(tmp_path):
    path = tmp_path / "undated.jsonl"
    path.write_text('{"id": "a", "published": "2026-01-29", "text": "", "gold": {"event_date": null}}\n')
    assert score_event_dates(path) == {"accuracy": 0.0, "n": 0, "correct": 0, "baseline_published": 0.0}


def test_an_article_takes_well_under_two_milliseconds():
    text = _clean_seed(SEED_000).text + "\n" + _clean_seed(SEED_002).text
    event_date(text, THURSDAY)  # warm up
    start = time.process_time()
    for _ in range(100):
        event_date(text, THURSDAY)
    assert (time.process_time() - start) / 100 < 0.002


def test_the_date_of_the_sentence_giving_the_headlines_figure_weighs_more():
    title = "फरीदाबाद में कोरोना से तीसरी मौत, हरियाणा में 20 नए केस मिले"
    text = ("हरियाणा में कोरोना वायरस संक्रमण के मामले तेजी से बढ़ रहे हैं। "
            "राज्य में रविवार को 20 नए मामले सामने आए। "
            "फरीदाबाद में शनिवार देर रात 73 वर्षीय बुजुर्ग महिला की मौत हो गई। "
            "उन्हें अस्पताल में भर्ती कराया गया था, जहां शनिवार देर रात उनकी मौत हो गई।")
    assert event_date(text, "2020-05-10", title) == "2020-05-10"


def test_clock_times_with_no_date_in_their_sentence_take_the_day_last_named():
    text = "सोमवार को बैठक हुई। शाम 5 बजे घोषणा हुई। बुधवार को फैसला आया। रात 9 बजे आदेश जारी हुआ।"
    found = [(m.text, m.day, m.time) for m in find_dates(text, "2026-01-29")]
    assert found == [
        ("सोमवार", "2026-01-26", None), ("शाम 5 बजे", "2026-01-26", "17:00+05:30"),
        ("बुधवार", "2026-01-28", None), ("रात 9 बजे", "2026-01-28", "21:00+05:30"),
    ]


def test_a_text_without_sentence_breaks_is_dated_like_its_opening():
    # A scraped page's one long line: each date reads its clause within reach, not the whole rest of the text.
    opening = "राज्य सरकार ने सोमवार को सभी स्कूल बंद करने का फैसला किया"
    line = opening + ", " + ", ".join(["बाजार में भीड़ रही"] * 5000)
    assert event_date(line, "2026-01-29") == event_date(opening + "।", "2026-01-29") == "2026-01-26"


def test_a_count_of_days_back_recalls_an_earlier_happening_and_does_not_vote():
    # "दो दिन पहले" tells what came before the news; "एक दिन पहले" may be its own day
    text = ("दो दिन पहले दिल्ली से लौटा एक युवक बहराइच में कोरोना का संदिग्ध मिला है। उसे खांसी है। "
            "गांव में हड़कंप है। शुक्रवार को डॉक्टरों ने उसकी जांच की।")
    assert event_date(text, "2026-01-31") == "2026-01-30"
    assert event_date("एक दिन पहले जिले में पहला मरीज मिला।", "2026-01-31") == "2026-01-30"


def test_a_date_right_after_a_danda_without_a_space_is_found():
    text = "पेशावर में धमाके में एक अधिकारी की मौत हो गई।शुक्रवार को हुए हमले की जांच जारी है।"
    assert [(m.text, m.day) for m in find_dates(text, "2020-06-30")] == [("शुक्रवार", "2020-06-26")]
