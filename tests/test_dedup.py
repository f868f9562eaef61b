from ghatnakram.dedup import MIN_WORDS, fingerprint, similarity

STORY = (
    "केंद्र सरकार ने बुधवार को देश के 12 राज्यों में बाढ़ राहत के लिए 1,500 करोड़ रुपये जारी किए। गृह मंत्रालय के एक "
    "अधिकारी ने बताया कि यह राशि राज्य आपदा मोचन कोष के तहत दी गई है और इसका उपयोग राहत शिविरों, पेयजल और दवाओं के लिए होगा।"
)


def test_the_same_words_with_other_spacing_quotes_and_digits_hash_alike():
    respaced = STORY.replace("। ", "।\n").replace("12", "१२")
    assert fingerprint(respaced).content_hash == fingerprint(STORY).content_hash


def test_a_light_edit_keeps_a_high_estimated_similarity():
    edited = STORY.replace("बताया", "कहा") + " राज्यों को 30 दिन में ब्योरा देना होगा।"
    a, b = fingerprint(STORY), fingerprint(edited)
    assert a.content_hash != b.content_hash
    assert similarity(a.signature, b.signature_bytes()) >= 0.6
    assert set(a.buckets) & set(b.buckets)


def test_texts_too_short_to_compare_get_no_signature():
    short = fingerprint("बाढ़ से 12 की मौत।")
    assert short.signature is None and short.buckets == ()
    assert len(STORY.split()) >= MIN_WORDS


def test_fingerprints_are_deterministic():
    assert fingerprint(STORY).buckets == fingerprint(STORY).buckets
