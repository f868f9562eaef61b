"""Build ``src/ghatnakram/resources/places.tsv``, the Hindi gazetteer, from licensed sources only.

Sources (see ``src/ghatnakram/resources/PLACES_SOURCES.md`` for licences and notices):

* ``cldr37-territories`` (Unicode licence): countries and world regions, Hindi + English.
* ``cldr37-timezone-cities`` (Unicode licence): time-zone exemplar cities, Hindi + English.
* ``i18n-iso-countries`` (MIT): more Hindi country spellings, used as aliases.
* ``covid19india-district-names-hi`` (MIT): Indian states/UTs and districts in Hindi.

csc-database (ODbL) and railway-station-names (no licence) are NOT used.

Ids (stable; built from source keys, never from row order):

* ``country:IN`` – ISO 3166-1 alpha-2 code;
* ``region:150`` – UN M.49 region code (and ``region:EU``);
* ``state:IN:uttar-pradesh`` – slug of the covid19india English state name;
* ``district:IN:uttar-pradesh:lucknow`` – state slug + slug of the English district name;
* ``city:Europe/Moscow`` – the CLDR (IANA) time-zone id of the exemplar city;
* ``city:CN:wuhan``, ``state:CN:hubei`` – places added by hand (``EXTRA_PLACES``): ISO country + slug.

Columns: id, kind, parent, en, hi, aliases (``|``-separated Hindi), source.
Parents: district → state → ``country:IN``; a time-zone city → the country the tz database's
``zone.tab`` (read from the ``tzdata`` package) puts its zone in; countries and regions have none;
hand-added places have their state or country.

Run from the repository root::

    python training/build_places.py --data /work/shared/data/gazetteers
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

from ghatnakram.canon import name_key

OUT = Path(__file__).resolve().parents[1] / "src" / "ghatnakram" / "resources" / "places.tsv"
COLUMNS = ("id", "kind", "parent", "en", "hi", "aliases", "source")

# --- corrections to the sources (each one checked by hand) --------------------------

# covid19india machine-translation errors and typos: (state, district) → correct Hindi.
# The wrong value is dropped, not kept as an alias.
DISTRICT_FIXES = {
    ("Himachal Pradesh", "Solan"): "सोलन",  # was "एक प्रकार का हंस" (a kind of swan)
    ("Nagaland", "Mon"): "मोन",  # was "सोमवार" (Monday)
    ("Tamil Nadu", "Theni"): "थेनी",  # was "तब मैं" ("then I")
    ("Maharashtra", "Bid"): "बीड",  # was "बोली" (bid)
    ("Maharashtra", "Thane"): "ठाणे",  # was "थाइन"
    ("Maharashtra", "Gondiya"): "गोंदिया",  # was "गोंदिया जिला"
    ("Telangana", "Malkajgiri"): "मल्काजगिरि",  # was "… लोक सभा निर्वाचन क्षेत्र"
    ("Odisha", "Rayagada"): "रायगड़ा",  # was "रायगढ़" (a different place)
    ("Uttar Pradesh", "Budaun"): "बदायूं",  # was "शाहजहांपुर" (a different district)
    ("Jammu and Kashmir", "Punch"): "पुंछ",  # was "पंच" (a common noun)
    ("Gujarat", "The Dangs"): "डांग",  # was "द डंग्स"
    ("Bihar", "Saran"): "सारण",  # was "सरन"
    ("Rajasthan", "Baran"): "बारां",  # was "बरन"
    ("Bihar", "Pashchim Champaran"): "पश्चिम चंपारण",  # was "पशिचम चंपारण"
    ("Bihar", "Purba Champaran"): "पूर्वी चंपारण",  # was "पुरबा चंपारण"
    ("Jharkhand", "Pashchimi Singhbhum"): "पश्चिमी सिंहभूम",  # was "पशचिमी सिंहभूम"
    ("Jharkhand", "Purbi Singhbhum"): "पूर्वी सिंहभूम",  # was "पूर्बी सिंहभूम"
    ("West Bengal", "Paschim Medinipur"): "पश्चिम मेदिनीपुर",  # was "पासीम मेदिनीपुर"
    ("West Bengal", "Purba Medinipur"): "पूर्व मेदिनीपुर",  # was "पूर्बा मेदिनीपुर"
    ("Karnataka", "Dakshina Kannada"): "दक्षिण कन्नड़",  # was "दक्षिणा कन्नड़"
    ("Karnataka", "Uttara Kannada"): "उत्तर कन्नड़",  # was "उत्तरा कन्नड़"
    ("Karnataka", "Kalaburagi"): "कलबुर्गी",  # was "कालाबुर्ग़ी"
    # was "रामनगर", the name of towns in Uttarakhand, Uttar Pradesh and Bihar that Hindi news names far more often
    ("Karnataka", "Ramanagara"): "रामनगरा",
    ("Manipur", "Churachandpur"): "चुराचांदपुर",  # was "छुरछंदपुर"
    ("Nagaland", "Zunheboto"): "जुन्हेबोटो",  # was "जुनेहोटो"
    ("Nagaland", "Kiphire"): "किफिरे",  # was "किफायर"
    # Left in Latin letters by the source:
    ("Arunachal Pradesh", "Anjaw"): "अंजॉ",
    ("Assam", "Marigaon"): "मोरीगांव",
    ("Haryana", "Gurugram"): "गुरुग्राम",
    ("Jammu and Kashmir", "Shupiyan"): "शोपियां",
    ("Mizoram", "Lawngtlai"): "लॉन्गतलाई",
    ("Odisha", "Jajapur"): "जाजपुर",
    ("Odisha", "Khordha"): "खोर्धा",
    ("Odisha", "Debagarh"): "देवगढ़",
    ("Punjab", "Sangrur"): "संगरूर",
    ("Punjab", "Mansa"): "मानसा",
    ("Tamil Nadu", "Thoothukudi"): "थूथुकुडी",
    ("Telangana", "Wanaparthy"): "वनपर्ती",
    ("Telangana", "Yadadri"): "यादाद्री",
    ("Uttar Pradesh", "Lalitpur"): "ललितपुर",
    ("West Bengal", "Haora"): "हावड़ा",
}
STATE_FIXES = {"Andaman and Nicobar Islands": "अंडमान और निकोबार द्वीपसमूह"}  # was "… नोकोबार …"
# The source's keys "S.P.S. Nellore" and "Y.S.R." were split on the dots into nested objects.
NESTED_DISTRICTS = {
    ("Andhra Pradesh", ("S", "P", "S", " Nellore")): ("S.P.S. Nellore", "एसपीएस नेल्लोर"),
    ("Andhra Pradesh", ("Y", "S", "R")): ("Y.S.R.", "वाईएसआर"),
}
SKIP_STATES = {"Total"}

# Other Hindi names in common use (renamed places, short forms), added by ghatnakram.
EXTRA_ALIASES = {
    "country:GB": ["ब्रिटेन"],
    "country:AE": ["यूएई"],
    "country:US": ["अमरीका", "यूएस"],
    # States by the short names Hindi papers use in headlines and datelines.
    "state:IN:uttar-pradesh": ["यूपी", "उप्र", "उत्तरप्रदेश"],
    "state:IN:madhya-pradesh": ["एमपी", "मप्र", "मध्यप्रदेश"],
    "state:IN:himachal-pradesh": ["हिमाचल"],
    "state:IN:west-bengal": ["बंगाल"],
    "state:IN:andhra-pradesh": ["आंध्र"],
    "state:IN:arunachal-pradesh": ["अरुणाचल"],
    "state:IN:chhattisgarh": ["छग"],
    "state:IN:jammu-and-kashmir": ["जम्मू-कश्मीर", "जम्मू कश्मीर", "कश्मीर"],
    "district:IN:uttar-pradesh:gautam-buddha-nagar": ["नोएडा=Noida", "ग्रेटर नोएडा=Greater Noida"],
    # Uttar Pradesh's लखीमपुर खीरी goes by लखीमपुर as often as Assam's district does: the short name is ambiguous.
    "district:IN:uttar-pradesh:lakhimpur-kheri": ["लखीमपुर"],
    "district:IN:uttar-pradesh:varanasi": ["बनारस"],
    "district:IN:bihar:gaya": ["गयाजी"],  # the name Bihar gave the city in 2025
    "district:IN:jharkhand:jamtara": ["जामतारा"],  # ड़ written as र, as papers often do
    "district:IN:delhi:new-delhi": ["नयी दिल्ली"],
    "district:IN:kerala:thiruvananthapuram": ["त्रिवेंद्रम", "तिरुअनंतपुरम"],
    "country:IN": ["इंडिया"],
    "country:IL": ["इस्राइल", "इस्रायल", "इजरायल", "इज़रायल", "इजराइल"],
    "country:KZ": ["कजाकिस्तान"],
    "country:KG": ["किर्गिस्तान"],
    # Korea alone is South Korea in the news, not Chhattisgarh's district कोरिया (a country outranks a district).
    "country:KR": ["साउथ कोरिया", "कोरिया गणराज्य", "कोरिया", "द. कोरिया"],
    "region:034": ["दक्षिण एशिया"],
    "region:145": ["पश्चिम एशिया"],
    # Districts known by their headquarters town or a later name (the source has Census-2011 names),
    # and cities by their district, where the city lies in one district. "नाम=Name": a town's own
    # English name, shown for it instead of the district's.
    "district:IN:uttar-pradesh:mahamaya-nagar": ["हाथरस=Hathras"],
    "district:IN:uttar-pradesh:sant-ravidas-nagar": ["भदोही=Bhadohi"],
    "district:IN:haryana:mewat": ["नूंह=Nuh"],
    "district:IN:punjab:sahibzada-ajit-singh-nagar": ["मोहाली=Mohali"],
    "district:IN:punjab:rupnagar": ["रोपड़=Ropar"],
    "district:IN:madhya-pradesh:west-nimar": ["खरगोन=Khargone"],
    "district:IN:madhya-pradesh:hoshangabad": ["नर्मदापुरम=Narmadapuram"],
    "district:IN:bihar:purba-champaran": ["मोतिहारी=Motihari"],
    "district:IN:bihar:rohtas": ["सासाराम=Sasaram"],
    "district:IN:bihar:bhojpur": ["आरा=Arrah"],
    "district:IN:bihar:saran": ["छपरा=Chhapra"],
    "district:IN:jharkhand:purbi-singhbhum": ["जमशेदपुर=Jamshedpur"],
    "district:IN:odisha:khordha": ["भुवनेश्वर=Bhubaneswar"],
    "district:IN:andhra-pradesh:krishna": ["मछलीपट्टनम=Machilipatnam"],
    "district:IN:kerala:ernakulam": ["कोच्चि=Kochi", "कोचीन=Kochi"],
    "district:IN:karnataka:dakshina-kannada": ["मंगलुरु=Mangaluru", "मंगलौर=Mangalore", "मेंगलुरु=Mangaluru"],
    "district:IN:himachal-pradesh:kangra": ["धर्मशाला=Dharamshala"],
    "district:IN:assam:kamrup-metropolitan": ["गुवाहाटी=Guwahati", "गौहाटी=Guwahati", "गोहाटी=Guwahati"],
    "district:IN:meghalaya:east-khasi-hills": ["शिलांग=Shillong"],
    "district:IN:tripura:west-tripura": ["अगरतला=Agartala"],
    "district:IN:sikkim:east-sikkim": ["गंगटोक=Gangtok"],
    "district:IN:andaman-and-nicobar-islands:south-andaman": ["पोर्ट ब्लेयर=Port Blair"],
    "district:IN:karnataka:bengaluru": ["बेंगलूरु", "बंगलूरू", "बंगलुरु", "बैंगलोर", "बंगलौर", "बेंगलौर"],
    "state:IN:odisha": ["उड़ीसा"],
    "state:IN:puducherry": ["पांडिचेरी"],
    "district:IN:uttar-pradesh:allahabad": ["प्रयागराज=Prayagraj"],
    "district:IN:uttar-pradesh:faizabad": ["अयोध्या=Ayodhya"],
    "district:IN:uttar-pradesh:kanpur-nagar": ["कानपुर=Kanpur"],
    "district:IN:haryana:gurugram": ["गुड़गांव"],
    "district:IN:tamil-nadu:thoothukudi": ["तूतीकोरिन"],
    "district:IN:andhra-pradesh:s-p-s-nellore": ["नेल्लोर", "नेल्लूर"],
    "district:IN:gujarat:kutch": ["भुज=Bhuj"],
    "district:IN:andhra-pradesh:east-godavari": ["काकीनाडा=Kakinada"],
    "district:IN:andhra-pradesh:y-s-r": ["कडप्पा", "वाईएसआर कडप्पा"],
    # Short, older or other names of states and districts, and district headquarters known by
    # the town's name (Aurangabad and Bilaspur are two districts each: left out).
    "state:IN:andaman-and-nicobar-islands": ["अंडमान निकोबार", "अंडमान और निकोबार", "अंडमान"],
    "district:IN:uttarakhand:garhwal": ["पौड़ी=Pauri", "पौड़ी गढ़वाल=Pauri Garhwal"],
    "district:IN:uttarakhand:tehri-garhwal": ["टिहरी=Tehri"],
    "district:IN:uttarakhand:hardwar": ["हरिद्वार=Haridwar"],
    "district:IN:uttarakhand:udham-singh-nagar": ["रुद्रपुर=Rudrapur"],
    "district:IN:himachal-pradesh:sirmaur": ["नाहन=Nahan"],
    "district:IN:west-bengal:barddhaman": ["बर्धमान", "बर्दवान"],
    "district:IN:west-bengal:kolkata": ["कलकत्ता"],
    "district:IN:bihar:vaishali": ["हाजीपुर=Hajipur"],
    "district:IN:goa:north-goa": ["पणजी=Panaji"],
    "district:IN:odisha:baleshwar": ["बालासोर"],
    "district:IN:tamil-nadu:the-nilgiris": ["ऊटी=Ooty"],
    "district:IN:tamil-nadu:tiruchirappalli": ["त्रिची"],
    "district:IN:tamil-nadu:chennai": ["मद्रास"],
    "district:IN:andhra-pradesh:visakhapatnam": ["विजाग", "वाइजैग"],
    "district:IN:assam:cachar": ["सिलचर=Silchar"],
    "district:IN:assam:sonitpur": ["तेजपुर=Tezpur"],
    "district:IN:karnataka:belgaum": ["बेलगावी"],
    "district:IN:jharkhand:palamu": ["डालटनगंज=Daltonganj", "मेदिनीनगर=Medininagar"],
    # Names from before a renaming, still in archives, literature and many a headline.
    "district:IN:maharashtra:mumbai": ["बंबई", "बम्बई"],
    "district:IN:maharashtra:pune": ["पूना"],
    "district:IN:gujarat:vadodara": ["बड़ौदा", "बरोडा"],
    "district:IN:karnataka:kalaburagi": ["गुलबर्गा"],
    "district:IN:kerala:kozhikode": ["कालीकट"],
    "district:IN:kerala:thrissur": ["त्रिचूर"],
    "state:IN:uttarakhand": ["उत्तरांचल"],
    "district:IN:himachal-pradesh:shimla": ["सिमला"],
    # Spellings of the news that the sources write otherwise (ड़/र, vowel length, ज़/ज, साउथ/दक्षिण).
    "district:IN:bihar:khagaria": ["खगड़िया"],
    "state:IN:nagaland": ["नगालैंड"],
    "country:ZA": ["साउथ अफ्रीका", "दक्षिण अफ्रीका"],
    "district:IN:bihar:pashchim-champaran": ["बेतिया=Bettiah", "पश्चिमी चंपारण"],
    "district:IN:delhi:south-delhi": ["साउथ दिल्ली"],
    "district:IN:delhi:south-west-delhi": ["दक्षिण पश्चिमी दिल्ली"],
    "district:IN:karnataka:chikkaballapura": ["चिक्कबल्लपुरा"],
    "district:IN:kerala:palakkad": ["पल्लकड़", "पालक्काड"],
    "district:IN:himachal-pradesh:lahul-and-spiti": ["लाहौल-स्पीति", "लाहुल-स्पीति", "लाहौल"],
    "district:IN:rajasthan:sri-ganganagar": ["गंगानगर"],
    "district:IN:kerala:malappuram": ["मल्लापुरम"],
    "city:Africa/Cairo": ["काहिरा"],
    "city:Asia/Seoul": ["सियोल"],
    "city:Asia/Damascus": ["दमिश्क"],
    "city:Asia/Jerusalem": ["येरुशलम", "जेरूसलम"],
    "city:Australia/Melbourne": ["मेलबर्न"],
}

# Places in the news that none of the sources has, added by ghatnakram with their country (or
# state): (id, kind, parent, English name, Hindi names). Ids of these cities are "city:<ISO
# country>:<slug>", not time zones.
EXTRA_PLACES = [
    ("state:IN:lakshadweep", "state", "country:IN", "Lakshadweep", ["लक्षद्वीप"]),
    ("state:CN:hubei", "state", "country:CN", "Hubei", ["हुबेई", "हुबेइ"]),
    ("state:US:california", "state", "country:US", "California", ["कैलिफोर्निया", "कैलीफोर्निया"]),
    ("city:CN:wuhan", "city", "state:CN:hubei", "Wuhan", ["वुहान"]),
    ("city:CN:beijing", "city", "country:CN", "Beijing", ["बीजिंग"]),
    ("city:US:washington-dc", "city", "country:US", "Washington, D.C.", ["वाशिंगटन", "वॉशिंगटन", "वाशिंगटन डीसी"]),
    ("city:US:seattle", "city", "country:US", "Seattle", ["सिएटल"]),
    ("city:CH:geneva", "city", "country:CH", "Geneva", ["जिनेवा"]),
    ("city:PK:islamabad", "city", "country:PK", "Islamabad", ["इस्लामाबाद"]),
    # Districts formed after the 2011 census the sources follow (not Aravalli: the name is the
    # mountain range's too), and Manipur's capital (two districts).
    ("district:IN:punjab:pathankot", "district", "state:IN:punjab", "Pathankot", ["पठानकोट"]),
    ("district:IN:punjab:fazilka", "district", "state:IN:punjab", "Fazilka", ["फाजिल्का"]),
    ("district:IN:punjab:malerkotla", "district", "state:IN:punjab", "Malerkotla", ["मलेरकोटला"]),
    ("district:IN:haryana:charkhi-dadri", "district", "state:IN:haryana", "Charkhi Dadri", ["चरखी दादरी"]),
    ("district:IN:maharashtra:palghar", "district", "state:IN:maharashtra", "Palghar", ["पालघर"]),
    ("district:IN:gujarat:morbi", "district", "state:IN:gujarat", "Morbi", ["मोरबी"]),
    ("district:IN:gujarat:gir-somnath", "district", "state:IN:gujarat", "Gir Somnath", ["गिर सोमनाथ"]),
    ("district:IN:gujarat:botad", "district", "state:IN:gujarat", "Botad", ["बोटाद"]),
    ("district:IN:gujarat:devbhumi-dwarka", "district", "state:IN:gujarat", "Devbhumi Dwarka", ["देवभूमि द्वारका"]),
    ("district:IN:gujarat:chhota-udaipur", "district", "state:IN:gujarat", "Chhota Udaipur", ["छोटा उदयपुर"]),
    ("district:IN:gujarat:mahisagar", "district", "state:IN:gujarat", "Mahisagar", ["महीसागर"]),
    ("district:IN:west-bengal:jhargram", "district", "state:IN:west-bengal", "Jhargram", ["झाड़ग्राम"]),
    ("district:IN:west-bengal:kalimpong", "district", "state:IN:west-bengal", "Kalimpong", ["कालिम्पोंग", "कलिम्पोंग"]),
    ("district:IN:west-bengal:alipurduar", "district", "state:IN:west-bengal", "Alipurduar", ["अलीपुरद्वार"]),
    ("district:IN:madhya-pradesh:niwari", "district", "state:IN:madhya-pradesh", "Niwari", ["निवाड़ी"]),
    ("district:IN:madhya-pradesh:agar-malwa", "district", "state:IN:madhya-pradesh", "Agar Malwa", ["आगर मालवा"]),
    ("district:IN:chhattisgarh:balod", "district", "state:IN:chhattisgarh", "Balod", ["बालोद"]),
    ("district:IN:chhattisgarh:baloda-bazar", "district", "state:IN:chhattisgarh", "Baloda Bazar", ["बलौदाबाजार", "बलौदा बाजार"]),
    ("district:IN:chhattisgarh:balrampur", "district", "state:IN:chhattisgarh", "Balrampur", ["बलरामपुर"]),
    ("district:IN:chhattisgarh:bemetara", "district", "state:IN:chhattisgarh", "Bemetara", ["बेमेतरा"]),
    ("district:IN:chhattisgarh:gariaband", "district", "state:IN:chhattisgarh", "Gariaband", ["गरियाबंद"]),
    ("district:IN:chhattisgarh:kondagaon", "district", "state:IN:chhattisgarh", "Kondagaon", ["कोंडागांव"]),
    ("district:IN:chhattisgarh:mungeli", "district", "state:IN:chhattisgarh", "Mungeli", ["मुंगेली"]),
    ("district:IN:chhattisgarh:sukma", "district", "state:IN:chhattisgarh", "Sukma", ["सुकमा"]),
    ("district:IN:chhattisgarh:surajpur", "district", "state:IN:chhattisgarh", "Surajpur", ["सूरजपुर"]),
    ("district:IN:tamil-nadu:kallakurichi", "district", "state:IN:tamil-nadu", "Kallakurichi", ["कल्लाकुरिची"]),
    ("district:IN:tamil-nadu:tenkasi", "district", "state:IN:tamil-nadu", "Tenkasi", ["तेनकासी"]),
    ("district:IN:tamil-nadu:chengalpattu", "district", "state:IN:tamil-nadu", "Chengalpattu", ["चेंगलपट्टू"]),
    ("district:IN:tamil-nadu:ranipet", "district", "state:IN:tamil-nadu", "Ranipet", ["रानीपेट"]),
    ("district:IN:tamil-nadu:tirupathur", "district", "state:IN:tamil-nadu", "Tirupathur", ["तिरुपत्तूर"]),
    ("district:IN:tamil-nadu:mayiladuthurai", "district", "state:IN:tamil-nadu", "Mayiladuthurai", ["मयिलादुथुरै"]),
    # The union territory the sources lack (Dadra and Nagar Haveli and Daman and Diu, one since 2020);
    # not "दमन" alone, also the word for repression.
    ("state:IN:dadra-and-nagar-haveli-and-daman-and-diu", "state", "country:IN",
     "Dadra and Nagar Haveli and Daman and Diu",
     ["दादरा और नगर हवेली और दमन और दीव", "दादरा और नगर हवेली", "दादरा नगर हवेली", "दमन और दीव", "दमन-दीव"]),
    ("city:IN:imphal", "city", "state:IN:manipur", "Imphal", ["इंफाल", "इम्फाल"]),
    ("city:IT:milan", "city", "country:IT", "Milan", ["मिलान"]),
    # Scotland; not England, whose name in Hindi news is most often its cricket or football team
    # ("इंग्लैंड लायंस", "भारत ने इंग्लैंड को हराया"): as a place it set a series' matches apart.
    ("state:GB:scotland", "state", "country:GB", "Scotland", ["स्कॉटलैंड", "स्काटलैंड"]),
    # Not Ireland with a direction before it (a part of a place: see canon._PART_OF_A_PLACE).
    ("state:GB:northern-ireland", "state", "country:GB", "Northern Ireland", ["उत्तरी आयरलैंड", "नॉर्दर्न आयरलैंड"]),
    # Neighbours' provinces and cities in Hindi news (Jalalabad is left out: also towns in UP and
    # Punjab; Pakistan's Punjab too: the Indian state's name).
    ("state:PK:balochistan", "state", "country:PK", "Balochistan", ["बलूचिस्तान", "बलोचिस्तान"]),
    ("state:PK:khyber-pakhtunkhwa", "state", "country:PK", "Khyber Pakhtunkhwa", ["खैबर पख्तूनख्वा", "खैबर पख्तूनख्वाह"]),
    ("state:PK:sindh", "state", "country:PK", "Sindh", ["सिंध"]),
    ("city:PK:lahore", "city", "country:PK", "Lahore", ["लाहौर"]),
    ("city:PK:peshawar", "city", "state:PK:khyber-pakhtunkhwa", "Peshawar", ["पेशावर"]),
    ("city:PK:quetta", "city", "state:PK:balochistan", "Quetta", ["क्वेटा"]),
    ("city:PK:rawalpindi", "city", "country:PK", "Rawalpindi", ["रावलपिंडी"]),
    ("city:PK:multan", "city", "country:PK", "Multan", ["मुल्तान"]),
    ("city:AF:kandahar", "city", "country:AF", "Kandahar", ["कंधार"]),
    ("city:AF:herat", "city", "country:AF", "Herat", ["हेरात"]),
    ("state:AF:nangarhar", "state", "country:AF", "Nangarhar", ["नांगरहार", "नंगरहार"]),
    ("state:AF:helmand", "state", "country:AF", "Helmand", ["हेलमंद"]),
    ("city:NP:pokhara", "city", "country:NP", "Pokhara", ["पोखरा"]),
    ("city:NP:biratnagar", "city", "country:NP", "Biratnagar", ["विराटनगर"]),
    ("city:BD:chittagong", "city", "country:BD", "Chittagong", ["चटगांव", "चटगाँव"]),
    ("state:CN:xinjiang", "state", "country:CN", "Xinjiang", ["शिनजियांग", "झिंजियांग"]),
    ("state:CN:tibet", "state", "country:CN", "Tibet", ["तिब्बत"]),
    # West Asia's cities of war news, and Syria's ports of the seeds (तर्तूस / टार्टस).
    ("city:SY:aleppo", "city", "country:SY", "Aleppo", ["अलेप्पो"]),
    ("city:SY:idlib", "city", "country:SY", "Idlib", ["इदलिब"]),
    ("city:SY:tartus", "city", "country:SY", "Tartus", ["तर्तूस", "टार्टस"]),
    ("city:IQ:mosul", "city", "country:IQ", "Mosul", ["मोसुल"]),
    ("city:IQ:basra", "city", "country:IQ", "Basra", ["बसरा"]),
    ("city:IL:tel-aviv", "city", "country:IL", "Tel Aviv", ["तेल अवीव"]),
    ("city:UA:kharkiv", "city", "country:UA", "Kharkiv", ["खारकीव", "खार्किव"]),
    ("city:SA:jeddah", "city", "country:SA", "Jeddah", ["जेद्दा", "जेद्दाह"]),
    ("city:SA:medina", "city", "country:SA", "Medina", ["मदीना"]),
    ("city:QA:doha", "city", "country:QA", "Doha", ["दोहा"]),
    ("city:VN:hanoi", "city", "country:VN", "Hanoi", ["हनोई"]),
    # US states and cities of the news (Georgia and Hawaii are left out: a country, and हवाई "air";
    # Washington is the capital's).
    ("state:US:florida", "state", "country:US", "Florida", ["फ्लोरिडा"]),
    ("state:US:texas", "state", "country:US", "Texas", ["टेक्सास", "टेक्सस"]),
    ("state:US:north-carolina", "state", "country:US", "North Carolina", ["उत्तरी कैरोलिना", "नॉर्थ कैरोलिना"]),
    ("state:US:south-carolina", "state", "country:US", "South Carolina", ["दक्षिण कैरोलिना", "साउथ कैरोलिना"]),
    ("state:US:virginia", "state", "country:US", "Virginia", ["वर्जीनिया", "वर्जिनिया"]),
    ("state:US:pennsylvania", "state", "country:US", "Pennsylvania", ["पेंसिल्वेनिया", "पेनसिल्वेनिया"]),
    ("state:US:ohio", "state", "country:US", "Ohio", ["ओहायो", "ओहियो"]),
    ("state:US:michigan", "state", "country:US", "Michigan", ["मिशिगन"]),
    ("state:US:arizona", "state", "country:US", "Arizona", ["एरिजोना"]),
    ("state:US:nevada", "state", "country:US", "Nevada", ["नेवादा"]),
    ("state:US:colorado", "state", "country:US", "Colorado", ["कोलोराडो"]),
    ("state:US:illinois", "state", "country:US", "Illinois", ["इलिनॉय", "इलिनोइस"]),
    ("state:US:new-jersey", "state", "country:US", "New Jersey", ["न्यू जर्सी"]),
    ("state:US:massachusetts", "state", "country:US", "Massachusetts", ["मैसाचुसेट्स"]),
    ("state:US:louisiana", "state", "country:US", "Louisiana", ["लुइसियाना", "लुईसियाना"]),
    ("state:US:alaska", "state", "country:US", "Alaska", ["अलास्का"]),
    ("state:US:minnesota", "state", "country:US", "Minnesota", ["मिनेसोटा"]),
    ("state:US:wisconsin", "state", "country:US", "Wisconsin", ["विस्कॉन्सिन"]),
    ("state:US:tennessee", "state", "country:US", "Tennessee", ["टेनेसी"]),
    # The other states (Maine is left out too: मेन is "main" in "मेन रोड").
    ("state:US:alabama", "state", "country:US", "Alabama", ["अलबामा", "अलाबामा"]),
    ("state:US:arkansas", "state", "country:US", "Arkansas", ["अर्कांसस", "आर्कन्सास"]),
    ("state:US:connecticut", "state", "country:US", "Connecticut", ["कनेक्टिकट"]),
    ("state:US:delaware", "state", "country:US", "Delaware", ["डेलावेयर", "डेलावेर"]),
    ("state:US:idaho", "state", "country:US", "Idaho", ["इडाहो", "आइडाहो"]),
    ("state:US:indiana", "state", "country:US", "Indiana", ["इंडियाना"]),
    ("state:US:iowa", "state", "country:US", "Iowa", ["आयोवा"]),
    ("state:US:kansas", "state", "country:US", "Kansas", ["कंसास", "कैनसस"]),
    ("state:US:kentucky", "state", "country:US", "Kentucky", ["केंटकी"]),
    ("state:US:maryland", "state", "country:US", "Maryland", ["मैरीलैंड"]),
    ("state:US:mississippi", "state", "country:US", "Mississippi", ["मिसिसिपी", "मिसीसिपी"]),
    ("state:US:missouri", "state", "country:US", "Missouri", ["मिसौरी"]),
    ("state:US:montana", "state", "country:US", "Montana", ["मोंटाना"]),
    ("state:US:nebraska", "state", "country:US", "Nebraska", ["नेब्रास्का"]),
    ("state:US:new-hampshire", "state", "country:US", "New Hampshire", ["न्यू हैम्पशायर", "न्यू हैंपशायर"]),
    ("state:US:new-mexico", "state", "country:US", "New Mexico", ["न्यू मैक्सिको", "न्यू मेक्सिको"]),
    ("state:US:north-dakota", "state", "country:US", "North Dakota", ["नॉर्थ डकोटा", "उत्तरी डकोटा"]),
    ("state:US:oklahoma", "state", "country:US", "Oklahoma", ["ओक्लाहोमा", "ओकलाहोमा"]),
    ("state:US:oregon", "state", "country:US", "Oregon", ["ओरेगन", "ओरेगॉन"]),
    ("state:US:rhode-island", "state", "country:US", "Rhode Island", ["रोड आइलैंड", "रोड आईलैंड"]),
    ("state:US:south-dakota", "state", "country:US", "South Dakota", ["साउथ डकोटा", "दक्षिणी डकोटा", "दक्षिण डकोटा"]),
    ("state:US:utah", "state", "country:US", "Utah", ["यूटा", "यूटाह"]),
    ("state:US:vermont", "state", "country:US", "Vermont", ["वर्मोंट", "वरमोंट"]),
    ("state:US:west-virginia", "state", "country:US", "West Virginia", ["वेस्ट वर्जीनिया", "पश्चिमी वर्जीनिया", "पश्चिम वर्जीनिया"]),
    ("state:US:wyoming", "state", "country:US", "Wyoming", ["वायोमिंग"]),
    ("city:US:houston", "city", "state:US:texas", "Houston", ["ह्यूस्टन"]),
    ("city:US:dallas", "city", "state:US:texas", "Dallas", ["डलास"]),
    ("city:US:san-francisco", "city", "state:US:california", "San Francisco", ["सैन फ्रांसिस्को"]),
    ("city:US:boston", "city", "state:US:massachusetts", "Boston", ["बोस्टन"]),
    ("city:US:miami", "city", "state:US:florida", "Miami", ["मियामी"]),
    ("city:US:atlanta", "city", "country:US", "Atlanta", ["अटलांटा"]),
]

# Towns of the news that are not their district's headquarters, each a city inside its district:
# "ऋषिकेश" is Rishikesh, in Dehradun district, not Dehradun (कल्याण, काशी, कटरा, पुष्कर and भुज
# are also words or given names: left out).
_TOWNS = [
    ("uttarakhand:garhwal", "Kotdwar", ["कोटद्वार"]),
    ("uttarakhand:dehradun", "Rishikesh", ["ऋषिकेश"]),
    ("uttarakhand:dehradun", "Mussoorie", ["मसूरी"]),
    ("uttarakhand:hardwar", "Roorkee", ["रुड़की"]),
    ("uttarakhand:udham-singh-nagar", "Kashipur", ["काशीपुर"]),
    ("uttarakhand:chamoli", "Joshimath", ["जोशीमठ"]),
    ("uttarakhand:chamoli", "Badrinath", ["बद्रीनाथ"]),
    ("uttarakhand:rudraprayag", "Kedarnath", ["केदारनाथ"]),
    ("himachal-pradesh:kullu", "Manali", ["मनाली"]),
    ("himachal-pradesh:chamba", "Dalhousie", ["डलहौजी"]),
    ("west-bengal:darjiling", "Siliguri", ["सिलीगुड़ी"]),
    ("west-bengal:barddhaman", "Asansol", ["आसनसोल"]),
    ("west-bengal:barddhaman", "Durgapur", ["दुर्गापुर"]),
    ("west-bengal:paschim-medinipur", "Kharagpur", ["खड़गपुर"]),
    ("maharashtra:pune", "Pimpri-Chinchwad", ["पिंपरी चिंचवड", "पिंपरी-चिंचवड", "पिंपरी चिंचवाड़", "पिंपरी-चिंचवाड़"]),
    ("maharashtra:thane", "Bhiwandi", ["भिवंडी"]),
    ("maharashtra:thane", "Navi Mumbai", ["नवी मुंबई"]),
    ("bihar:gaya", "Bodh Gaya", ["बोधगया"]),
    ("bihar:nalanda", "Rajgir", ["राजगीर"]),
    ("bihar:patna", "Danapur", ["दानापुर"]),
    ("bihar:patna", "Phulwari Sharif", ["फुलवारीशरीफ", "फुलवारी शरीफ"]),
    ("bihar:bhagalpur", "Kahalgaon", ["कहलगांव"]),
    ("bihar:nalanda", "Bihar Sharif", ["बिहारशरीफ", "बिहार शरीफ"]),
    ("rajasthan:alwar", "Bhiwadi", ["भिवाड़ी"]),
    ("andhra-pradesh:s-p-s-nellore", "Sriharikota", ["श्रीहरिकोटा"]),
    ("uttarakhand:chamoli", "Gopeshwar", ["गोपेश्वर"]),
    ("madhya-pradesh:satna", "Maihar", ["मैहर"]),
    ("telangana:hyderabad", "Secunderabad", ["सिकंदराबाद"]),
    ("arunachal-pradesh:papum-pare", "Itanagar", ["ईटानगर"]),
    ("odisha:puri", "Konark", ["कोणार्क"]),
    ("odisha:sundargarh", "Rourkela", ["राउरकेला"]),
    ("tamil-nadu:kancheepuram", "Mamallapuram", ["महाबलीपुरम", "मामल्लपुरम"]),
    ("tamil-nadu:virudhunagar", "Sivakasi", ["शिवकासी", "सिवकासी"]),
    ("uttar-pradesh:mathura", "Vrindavan", ["वृंदावन"]),
    ("uttar-pradesh:saharanpur", "Deoband", ["देवबंद"]),
    ("uttar-pradesh:firozabad", "Tundla", ["टूंडला"]),
    ("uttar-pradesh:mau", "Ghosi", ["घोसी"]),
    ("jharkhand:palamu", "Leslieganj", ["लेस्लीगंज"]),
    ("jammu-and-kashmir:baramula", "Sopore", ["सोपोर"]),
    ("jammu-and-kashmir:baramula", "Gulmarg", ["गुलमर्ग"]),
    ("jammu-and-kashmir:anantnag", "Pahalgam", ["पहलगाम"]),
    ("maharashtra:nashik", "Malegaon", ["मालेगांव"]),
    ("andhra-pradesh:krishna", "Vijayawada", ["विजयवाड़ा"]),
    ("andhra-pradesh:chittoor", "Tirupati", ["तिरुपति"]),
    ("karnataka:dharwad", "Hubballi", ["हुबली"]),
    ("uttarakhand:nainital", "Haldwani", ["हल्द्वानी"]),
    ("chhattisgarh:durg", "Bhilai", ["भिलाई"]),
]


# i18n-iso-countries values that are wrong, ambiguous or a common word: (code, value) to skip.
COUNTRY_ALIAS_SKIPS = {
    ("PF", "फ्रैंच गुआना"),  # French Guiana, not French Polynesia
    ("BJ", "बानिन"),  # Benin is बेनिन
    ("CG", "कांगो"),  # also the other Congo (CD)
    ("QA", "क़तार"),  # without the nukta news writes it, कतार is "a queue"; Qatar is क़तर
}
# Codes whose parenthesised part is itself a name: म्यांमार (बर्मा), यूएसए (संयुक्त राज्य अमेरिका).
PAREN_IS_NAME = {"MM", "US"}
SKIP_TERRITORIES = {"001", "EZ", "QO", "UN", "ZZ", "XA", "XB"}
# Time zones that are not cities (or whose name is a common word).
SKIP_ZONE = re.compile(r"^(Etc/|Antarctica/)|^(Indian/Christmas|Pacific/Easter|America/North_Dakota/Center)$")
EN_SHORT = {"HK": "Hong Kong", "MO": "Macao", "PS": "Palestine"}  # CLDR alt-short for display
KIND_ORDER = {"country": 0, "region": 1, "state": 2, "district": 3, "city": 4}


def slug(text: str) -> str:
    """``"Andaman and Nicobar Islands"`` → ``"andaman-and-nicobar-islands"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("_", " ").split())


def split_names(value: str, paren_is_name: bool) -> list[str]:
    """``"म्यांमार (बर्मा)"`` → the name outside the brackets, and the inside one when it is a name."""
    value = nfc(value)
    inside = re.findall(r"\(([^)]*)\)", value)
    outside = nfc(re.sub(r"\([^)]*\)", " ", value))
    return [outside] + ([nfc(i) for i in inside] if paren_is_name else [])


def is_devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text) and not re.search(r"[A-Za-z]", text)


def territories(data: Path) -> list[dict]:
    """Countries (ISO alpha-2) and regions (UN M.49, EU) from CLDR, with i18n-iso-countries aliases."""
    base = data / "cldr37-territories" / "main"
    hi = json.loads((base / "hi" / "territories.json").read_text())["main"]["hi"]["localeDisplayNames"]["territories"]
    en = json.loads((base / "en" / "territories.json").read_text())["main"]["en"]["localeDisplayNames"]["territories"]
    i18n = json.loads((data / "i18n-iso-countries" / "hi.json").read_text())["countries"]
    rows = []
    for code, name in hi.items():
        if "-alt-" in code or code in SKIP_TERRITORIES:
            continue
        kind = "region" if code.isdigit() or code == "EU" else "country"
        paren = code in PAREN_IS_NAME
        names = split_names(name, paren)
        for alt in ("alt-short", "alt-variant"):
            if f"{code}-{alt}" in hi:
                names += split_names(hi[f"{code}-{alt}"], paren)
        extra = i18n.get(code, [])
        for value in [extra] if isinstance(extra, str) else extra:
            if (code, value) not in COUNTRY_ALIAS_SKIPS:
                names += split_names(value, paren)
        english = EN_SHORT.get(code) or re.sub(r"\s*\(.*\)", "", en.get(code, code))
        rows.append(row(f"{kind}:{code}", kind, "", english, names, "cldr37-territories; i18n-iso-countries"))
    return rows


def _zones(tree: dict, path: tuple[str, ...] = ()):
    for key, value in tree.items():
        if isinstance(value, dict):
            if "exemplarCity" in value:
                yield "/".join(path + (key,)), value["exemplarCity"]
            else:
                yield from _zones(value, path + (key,))


def cities(data: Path) -> list[dict]:
    """Time-zone exemplar cities from CLDR; English from the en file, else the tz id; each in the
    country the tz database puts its zone in."""
    base = data / "cldr37-timezone-cities" / "main"
    country_of = zone_countries()
    hi = json.loads((base / "hi" / "timeZoneNames.json").read_text())["main"]["hi"]["dates"]["timeZoneNames"]["zone"]
    en = json.loads((base / "en" / "timeZoneNames.json").read_text())["main"]["en"]["dates"]["timeZoneNames"]["zone"]
    english = dict(_zones(en))
    rows = []
    for zone, name in _zones(hi):
        if SKIP_ZONE.search(zone):
            continue
        label = english.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")
        country = country_of.get(zone)
        parent = f"country:{country}" if country else ""
        rows.append(row(f"city:{zone}", "city", parent, label, [nfc(name)], "cldr37-timezone-cities"))
    return rows


def zone_countries() -> dict[str, str]:
    """Time-zone id → ISO country code, from the tz database's zone.tab as the tzdata package
    ships it (public domain), old ids too: CLDR 37 names zones by ids since renamed
    (Asia/Calcutta, Asia/Rangoon), which tzdata.zi keeps as links ("L Asia/Yangon Asia/Rangoon")."""
    folder = resources.files("tzdata") / "zoneinfo"
    country_of = {}
    for line in (folder / "zone.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, zone = line.split("\t")[:3]
            country_of[zone] = code
    for line in (folder / "tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()
            if target in country_of:
                country_of.setdefault(alias, country_of[target])
    return country_of


def india(data: Path) -> list[dict]:
    """India, its states/UTs and districts from covid19india's Hindi locale, with the fixes above."""
    source = json.loads((data / "covid19india-district-names-hi" / "hi.json").read_text())
    origin = "covid19india-district-names-hi"
    rows = [row("country:IN", "country", "", "India", [source["country"]["India"]["title"]], origin)]
    for state, table in source["state"].items():
        if state in SKIP_STATES:
            continue
        sid = f"state:IN:{slug(state)}"
        rows.append(row(sid, "state", "country:IN", state, [STATE_FIXES.get(state, table["title"])], origin))
        for district, hindi in _districts(state, table):
            hindi = DISTRICT_FIXES.get((state, district), hindi)
            if not is_devanagari(hindi):
                print(f"skipped {state}/{district}: {hindi!r} is not Devanagari", file=sys.stderr)
                continue
            did = f"district:IN:{slug(state)}:{slug(district)}"
            rows.append(row(did, "district", sid, district, [hindi], origin))
    return rows


def _districts(state: str, table: dict):
    for key, value in table.items():
        if key == "title":
            continue
        if isinstance(value, str):
            yield key, value
            continue
        for (fix_state, path), (english, hindi) in NESTED_DISTRICTS.items():
            node = table
            for part in path:
                node = node.get(part, {}) if isinstance(node, dict) else {}
            if fix_state == state and path[0] == key and isinstance(node, str):
                yield english, hindi


def row(pid: str, kind: str, parent: str, en: str, names: list[str], source: str) -> dict:
    return {"id": pid, "kind": kind, "parent": parent, "en": en, "names": [n for n in names if n], "source": source}


def extra_places() -> list[dict]:
    towns = [(f"city:IN:{slug(en)}", "city", f"district:IN:{district}", en, names) for district, en, names in _TOWNS]
    return [row(pid, kind, parent, en, names, "ghatnakram") for pid, kind, parent, en, names in EXTRA_PLACES + towns]


def finish(rows: list[dict]) -> list[dict]:
    """Merge rows of one id, add extra aliases, drop repeated spellings and the cities that
    only repeat the name of a country, region, state or district."""
    by_id: dict[str, dict] = {}
    for r in rows:  # the same place from two sources (country:IN): one row, names of both
        if r["id"] in by_id:
            by_id[r["id"]]["names"] += r["names"]
            by_id[r["id"]]["source"] += "; " + r["source"]
        else:
            by_id[r["id"]] = r
    rows = list(by_id.values())
    for pid, names in EXTRA_ALIASES.items():
        by_id[pid]["names"] += names
        by_id[pid]["source"] += "; ghatnakram"
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["kind"] != "city":
            for name in r["names"]:
                owners[name_key(_hindi(name), "LOC")].add(r["kind"])
    kept = []
    for r in rows:
        seen, names = set(), []
        for name in r["names"]:  # one spelling per key: the others add nothing to matching
            key = name_key(_hindi(name), "LOC")
            if key and key not in seen:
                seen.add(key)
                names.append(name)
        r["names"] = names
        if r["kind"] == "city" and all(owners.get(name_key(_hindi(n), "LOC")) for n in names):
            kinds = "/".join(sorted(owners[name_key(names[0], "LOC")]))
            print(f"dropped {r['id']} ({names[0]}): the same name is a {kinds}", file=sys.stderr)
            continue
        kept.append(r)
    return sorted(kept, key=lambda r: (KIND_ORDER[r["kind"]], r["id"]))


def _hindi(name: str) -> str:
    """The Hindi name of an alias written "नाम=Name"."""
    return name.split("=")[0]


def write(rows: list[dict], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(COLUMNS)
        for r in rows:
            names = r["names"]
            writer.writerow([r["id"], r["kind"], r["parent"], r["en"], names[0], "|".join(names[1:]), r["source"]])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/gazetteers"), help="folder of the sources")
    parser.add_argument("--out", type=Path, default=OUT, help="TSV to write")
    args = parser.parse_args(argv)
    rows = finish(territories(args.data) + india(args.data) + cities(args.data) + extra_places())
    write(rows, args.out)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["kind"]] += 1
    print(f"wrote {len(rows)} places to {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
