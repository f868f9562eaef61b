import unicodedata

import pytest

from ghatnakram.normalize import (
    ascii_digits,
    devanagari_share,
    first_sentences,
    normalize_text,
    parse_int,
    split_sentences,
    token_key,
    token_spans,
    tokenize,
)


def test_precomposed_nukta_letters_compare_equal_after_normalisation():
    precomposed = "\u095b\u093f\u0932\u093e"  # ज़िला with U+095B
    decomposed = "\u091c\u093c\u093f\u0932\u093e"
    assert precomposed != decomposed
    assert normalize_text(precomposed) == normalize_text(decomposed)
    assert unicodedata.is_normalized("NFC", normalize_text(precomposed))


def test_zero_width_joiner_and_non_joiner_are_kept():
    text = "क्\u200dष और र\u200c्य"
    assert normalize_text(text) == text


def test_zero_width_space_bom_and_soft_hyphen_are_removed():
    assert normalize_text("\ufeffभारत\u200b में\u00ad खबर") == "भारत में खबर"


def test_colon_after_devanagari_letter_is_not_turned_into_visarga():
    assert normalize_text("अनीता आनंद:भारत-कनाडा संबंध") == "अनीता आनंद:भारत-कनाडा संबंध"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("वह घर गया |", "वह घर गया।"),
        ("वह घर गया । फिर लौटा ।", "वह घर गया। फिर लौटा।"),
        ("श्लोक समाप्त ||", "श्लोक समाप्त॥"),
        ("श्लोक समाप्त ।।", "श्लोक समाप्त॥"),
    ],
)
def test_pipe_and_spaced_danda_become_one_danda(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ('उन्होंने कहा, "हम जीतेंगे"', "उन्होंने कहा, “हम जीतेंगे”"),
        ("उन्होंने कहा, „हम जीतेंगे“", "उन्होंने कहा, “हम जीतेंगे“"),
        ("«नमस्ते»", "“नमस्ते”"),
    ],
)
def test_quote_variants_are_unified_to_curly_quotes(raw, expected):
    assert normalize_text(raw) == expected


def test_devanagari_digits_are_understood():
    assert ascii_digits("२८ जनवरी २०२६") == "28 जनवरी 2026"
    assert parse_int("१,५०,०००") == 150000
    assert parse_int("28") == 28
    assert parse_int("दो") is None
    assert token_key("२०२६") == "2026"


def test_lines_are_trimmed_and_blank_runs_squeezed():
    assert normalize_text("  पहली  पंक्ति  \r\n\r\n\r\n दूसरी\t पंक्ति ") == "पहली पंक्ति\n\nदूसरी पंक्ति"


def test_devanagari_share_tells_hindi_from_english():
    assert devanagari_share("सीरिया के राष्ट्रपति ने DP World से बात की") > 0.7
    assert devanagari_share("The president met Putin in Moscow.") == 0.0


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "दोनों नेता पहली बार आमने-सामने आए। बैठक मॉस्को में हुई।",
            ["दोनों नेता पहली बार आमने-सामने आए।", "बैठक मॉस्को में हुई।"],
        ),
        (
            "क्या बैठक हुई? हां! बैठक हुई।",
            ["क्या बैठक हुई?", "हां!", "बैठक हुई।"],
        ),
        (
            "पुतिन ने कहा, “हमारे संबंधों में काफी प्रगति हुई है।” उन्होंने सराहना की।",
            ["पुतिन ने कहा, “हमारे संबंधों में काफी प्रगति हुई है।”", "उन्होंने सराहना की।"],
        ),
        (
            "डॉ. ए.के. शर्मा ने यू.एस. दौरे की जानकारी दी। दर 2.5 प्रतिशत रही।",
            ["डॉ. ए.के. शर्मा ने यू.एस. दौरे की जानकारी दी।", "दर 2.5 प्रतिशत रही।"],
        ),
        (
            "पहली पंक्ति बिना विराम\nदूसरी पंक्ति।",
            ["पहली पंक्ति बिना विराम", "दूसरी पंक्ति।"],
        ),
        (
            "बैठक हुई. इसके बाद नेता लौटे.",
            ["बैठक हुई.", "इसके बाद नेता लौटे."],
        ),
    ],
)
def test_sentences_split_on_danda_question_exclamation_and_lines(text, expected):
    assert split_sentences(text) == expected


def test_seed_lead_sentences_split_as_a_reader_would(fixtures):
    text = normalize_text((fixtures / "seeds" / "002_a1b31033bad5e4bd.txt").read_text(encoding="utf-8"))
    sentences = split_sentences(text)
    assert sentences[0] == (
        "सीरिया के राष्ट्रपति अहमद अल-शारा ने बुधवार (28 जनवरी 2026) को मॉस्को में "
        "रूसी राष्ट्रपति व्लादिमीर पुतिन से मुलाकात की।"
    )
    assert "पुतिन ने कहा, “हमारे अंतर-राज्यीय संबंधों को बहाल करने की दिशा में काफी प्रगति हुई है।”" in sentences


def test_tokens_separate_curly_quotes_and_keep_hyphenated_names():
    assert tokenize("अल-शरा ने कहा, “प्रगति हुई।”") == ["अल-शरा", "ने", "कहा", ",", "“", "प्रगति", "हुई", "।", "”"]


def test_tokens_keep_numbers_and_abbreviations_whole():
    assert tokenize("डॉ. शर्मा को 1,50,000 रुपये और 2.5% ब्याज") == [
        "डॉ.", "शर्मा", "को", "1,50,000", "रुपये", "और", "2.5%", "ब्याज",
    ]


def test_tokens_split_colon_headline_separator():
    assert tokenize("मुलाकात की:दोनों नेता") == ["मुलाकात", "की", ":", "दोनों", "नेता"]


def test_a_visarga_typed_as_a_dateline_colon_is_a_token_of_its_own():
    assert tokenize("नई दिल्लीः केंद्र ने कहा") == ["नई", "दिल्ली", "ः", "केंद्र", "ने", "कहा"]
    assert tokenize("वायरसः घबराएं नहीं") == ["वायरस", "ः", "घबराएं", "नहीं"]


def test_words_that_end_in_visarga_stay_whole():
    assert tokenize("पुनः क्रमशः अंततः छः प्रातः दुःख") == ["पुनः", "क्रमशः", "अंततः", "छः", "प्रातः", "दुःख"]


def test_sentences_ending_in_a_full_stop_after_a_verb_are_split():
    assert split_sentences("पांच कर्मी संक्रमित पाये गये हैं. उनकी आयु 30 वर्ष है. सभी जवान हैं.") == [
        "पांच कर्मी संक्रमित पाये गये हैं.", "उनकी आयु 30 वर्ष है.", "सभी जवान हैं.",
    ]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it():
    text = "भारत के लिए एक अच्छी खबर आयी.एक तरफ मामले 62 हजार के पार पहुंच गये हैं.इन 10 राज्यों में कोई नहीं है।वहीं, सब ठीक हैं."
    assert split_sentences(text) == [
        "भारत के लिए एक अच्छी खबर आयी.", "एक तरफ मामले 62 हजार के पार पहुंच गये हैं.", "इन 10 राज्यों में कोई नहीं है।",
        "वहीं, सब ठीक हैं.",
    ]


def test_glued_full_stops_of_abbreviations_initials_numbers_and_web_addresses_end_no_sentence():
    text = "डॉ.हर्षवर्धन, ए.के.सिंह और एस.जयशंकर ने नवभारतटाइम्स.कॉम को बताया कि द.अफ्रीका को १.५ करोड़ मिले।"
    assert split_sentences(text) == [text]


def test_latin_and_letter_name_initials_do_not_end_sentences():
    assert split_sentences("A.K. Sharma और वी.पी. सिंह तथा जे. पी. नड्डा आए।") == ["A.K. Sharma और वी.पी. सिंह तथा जे. पी. नड्डा आए।"]


def test_the_first_sentences_of_a_long_text_are_those_of_the_whole_split():
    long_sentence = "सरकार ने राज्य के " + "सभी जिलों के अस्पतालों में जांच की व्यवस्था " * 80 + "करने का आदेश दिया।"
    text = "पटना में 12 नए मरीज मिले। डॉ. ए.के. सिन्हा ने बताया कि सभी ठीक हैं। " + long_sentence + " दर 2.5 प्रतिशत रही।"
    for count in (1, 2, 3, 4, 9):
        assert first_sentences(text, count) == split_sentences(text)[:count]
    assert first_sentences(text, 3)[2] == long_sentence


def test_token_spans_point_at_the_tokens_abbreviations_included():
    text = "डॉ. ए.के. शर्मा ने कहा, “दर 2.5 प्रतिशत रही।”"
    spans = token_spans(text)
    assert [text[a:b] for a, b in spans] == tokenize(text)
    assert text[spans[0][0] : spans[0][1]] == "डॉ."
