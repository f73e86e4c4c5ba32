"""The default library of group frames: practical frames and principles for the conversation.

Every item has a stable key and a short title with a one- or two-sentence explanation in
Bokmål, Nynorsk and English. A preset picks the items that suit one way of running a group;
``default_frames`` turns a preset into fresh ``FrameItem`` values the group can then edit.
The wording is the app's own and is meant to be read aloud or printed on cards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from initiator_desktop.core.models import LANGUAGES, FrameItem, FrameKind, FrameText, Tradition


class Preset(StrEnum):
    """The set of frames a new group starts from; SN is the default, PHONE is for phone
    and video groups."""

    SN = "sn"
    TWELVE_STEP = "twelve_step"
    HYBRID = "hybrid"
    PHONE = "phone"


@dataclass(frozen=True, slots=True)
class LibraryItem:
    """One frame as the app ships it, in all languages."""

    key: str
    kind: FrameKind
    texts: Mapping[str, FrameText]


def _item(
    key: str,
    kind: FrameKind,
    *,
    nb: tuple[str, str],
    nn: tuple[str, str],
    en: tuple[str, str],
) -> LibraryItem:
    texts = {code: FrameText(*pair) for code, pair in zip(LANGUAGES, (nb, nn, en), strict=True)}
    # A read-only view, so that no caller can change the shipped wording by accident.
    return LibraryItem(key, kind, MappingProxyType(texts))


_P = FrameKind.PRACTICAL
_C = FrameKind.CONVERSATION

LIBRARY: tuple[LibraryItem, ...] = (
    # Practical frames.
    _item(
        "group_size",
        _P,
        nb=(
            "Fem til åtte medlemmer",
            "Gruppa fungerer best med fem til åtte medlemmer. Med færre enn fire blir den "
            "sårbar, og med flere enn åtte blir det lite tid til hver enkelt.",
        ),
        nn=(
            "Fem til åtte medlemmer",
            "Gruppa fungerer best med fem til åtte medlemmer. Med færre enn fire blir gruppa "
            "sårbar, og med fleire enn åtte blir det lite tid til kvar einskild.",
        ),
        en=(
            "Five to eight members",
            "A group works best with five to eight members. With fewer than four it becomes "
            "fragile, and with more than eight there is little time for each person.",
        ),
    ),
    _item(
        "closed_group",
        _P,
        nb=(
            "Lukket gruppe",
            "Når gruppa har startet, kommer det ikke inn nye medlemmer uten at vi har bestemt "
            "det sammen. Slik blir det trygt å åpne seg.",
        ),
        nn=(
            "Lukka gruppe",
            "Når gruppa har starta, kjem det ikkje inn nye medlemmer utan at vi har avgjort det "
            "saman. Slik blir det trygt å opne seg.",
        ),
        en=(
            "A closed group",
            "Once the group has started, nobody new joins unless we decide so together. That "
            "is what makes it safe to open up.",
        ),
    ),
    _item(
        "fixed_time_and_place",
        _P,
        nb=(
            "Fast tid og fast sted",
            "Vi møtes på samme sted og til samme tid, hver uke eller annenhver uke. Faste "
            "rammer gjør det lettere å prioritere gruppa.",
        ),
        nn=(
            "Fast tid og fast stad",
            "Vi møtest på same stad og til same tid, kvar veke eller annakvar veke. Faste "
            "rammer gjer det lettare å prioritere gruppa.",
        ),
        en=(
            "A fixed time and place",
            "We meet at the same place and the same time, every week or every other week. A "
            "steady rhythm makes it easier to keep the group a priority.",
        ),
    ),
    _item(
        "fixed_time",
        _P,
        nb=(
            "Fast tid",
            "Vi ringer inn eller logger på til samme tid, hver uke eller annenhver uke. Faste "
            "rammer gjør det lettere å prioritere gruppa.",
        ),
        nn=(
            "Fast tid",
            "Vi ringjer inn eller loggar på til same tid, kvar veke eller annakvar veke. Faste "
            "rammer gjer det lettare å prioritere gruppa.",
        ),
        en=(
            "A fixed time",
            "We call in or log on at the same time, every week or every other week. A steady "
            "rhythm makes it easier to keep the group a priority.",
        ),
    ),
    _item(
        "meeting_length",
        _P,
        nb=(
            "Om lag to timer med pause",
            "Et møte varer om lag to timer, med en pause midt i. Vi begynner og slutter til "
            "avtalt tid.",
        ),
        nn=(
            "Om lag to timar med pause",
            "Eit møte varer om lag to timar, med ein pause midt i. Vi byrjar og sluttar til "
            "avtalt tid.",
        ),
        en=(
            "About two hours, with a break",
            "A meeting lasts about two hours, with a break in the middle. We start and finish "
            "at the agreed time.",
        ),
    ),
    _item(
        "confidentiality_inside",
        _P,
        nb=(
            "Taushetsplikt i gruppa",
            "Det som sies her, blir her. Vi forteller ingen utenfor gruppa hva de andre har "
            "delt, heller ikke dem som står oss nærmest.",
        ),
        nn=(
            "Teieplikt i gruppa",
            "Det som blir sagt her, blir her. Vi fortel ingen utanfor gruppa kva dei andre "
            "har delt, heller ikkje dei som står oss nærast.",
        ),
        en=(
            "Confidentiality in the group",
            "What is said here stays here. We tell nobody outside the group what the others "
            "have shared, not even those closest to us.",
        ),
    ),
    _item(
        "confidentiality_outside",
        _P,
        nb=(
            "Taushetsplikt om hvem som er med",
            "Vi forteller aldri hvem andre som går i gruppa. Du kan selv si at du er med i en "
            "selvhjelpsgruppe, hvis du vil.",
        ),
        nn=(
            "Teieplikt om kven som er med",
            "Vi fortel aldri kven andre som går i gruppa. Du kan sjølv seie at du er med i ei "
            "sjølvhjelpsgruppe, om du vil.",
        ),
        en=(
            "Who comes here stays private",
            "We never tell anyone who else is in the group. You may tell others that you go to "
            "a self-help group yourself, if you want to.",
        ),
    ),
    _item(
        "anonymity_outside",
        _P,
        nb=(
            "Anonymitet utad",
            "Vi forteller aldri hvem andre som kommer her. Vi står heller ikke fram offentlig "
            "som medlemmer selv.",
        ),
        nn=(
            "Anonymitet utanfor gruppa",
            "Vi fortel aldri kven andre som kjem her. Vi står heller ikkje fram offentleg som "
            "medlemmer sjølve.",
        ),
        en=(
            "Anonymity outside",
            "We never reveal who else comes here. Nor do we speak in public about being "
            "members ourselves.",
        ),
    ),
    _item(
        "meeting_in_public",
        _P,
        nb=(
            "Når vi møtes ute",
            "Møter vi hverandre ute, hilser vi kort og vennlig. Vi tar aldri opp noe personlig "
            "i butikken eller på gata.",
        ),
        nn=(
            "Når vi møtest ute",
            "Møter vi kvarandre ute, helsar vi kort og venleg. Vi tek aldri opp noko personleg "
            "i butikken eller på gata.",
        ),
        en=(
            "When we meet in public",
            "If we run into each other outside the group, we greet each other briefly and "
            "kindly. We never bring up anything personal in the shop or on the street.",
        ),
    ),
    _item(
        "notify_absence",
        _P,
        nb=(
            "Meldeplikt: gi beskjed om fravær",
            "Gi beskjed til gruppa når du ikke kan komme, så ingen blir urolige. Vil du slutte, "
            "sier du det i gruppa og tar farvel på et siste møte.",
        ),
        nn=(
            "Meldeplikt: gje beskjed om fråvær",
            "Gje beskjed til gruppa når du ikkje kan kome, så ingen blir urolege. Vil du "
            "slutte, seier du det i gruppa og tek avskil på eit siste møte.",
        ),
        en=(
            "Let us know when you can't come",
            "Tell the group when you cannot come, so nobody needs to worry. If you want to "
            "stop, say so in the group and say goodbye at a last meeting.",
        ),
    ),
    _item(
        "no_intoxication",
        _P,
        nb=(
            "Rusfri på møtene",
            "Vi kommer til møtene uten å være påvirket av alkohol eller andre rusmidler. Da kan "
            "vi være til stede for oss selv og for hverandre.",
        ),
        nn=(
            "Rusfri på møta",
            "Vi kjem til møta utan å vere påverka av alkohol eller andre rusmiddel. Då kan vi "
            "vere til stades for oss sjølve og for kvarandre.",
        ),
        en=(
            "Come sober",
            "We come to the meetings free from alcohol and drugs. That way we can be present "
            "for ourselves and for each other.",
        ),
    ),
    _item(
        "no_leader",
        _P,
        nb=(
            "Ingen leder, felles ansvar",
            "Gruppa har ingen leder. Det er rammene og prinsippene vi har blitt enige om, som "
            "styrer oss.",
        ),
        nn=(
            "Ingen leiar, felles ansvar",
            "Gruppa har ingen leiar. Det er rammene og prinsippa vi har vorte samde om, som "
            "styrer oss.",
        ),
        en=(
            "No leader, shared responsibility",
            "The group has no leader. The frames and principles we have agreed on are what "
            "guide us.",
        ),
    ),
    _item(
        "first_names_only",
        _P,
        nb=(
            "Bare fornavn",
            "Vi bruker bare fornavn i gruppa. Etternavn, arbeidssted og bosted trenger ingen å "
            "vite.",
        ),
        nn=(
            "Berre førenamn",
            "Vi brukar berre førenamn i gruppa. Etternamn, arbeidsstad og bustad treng ingen å "
            "vite.",
        ),
        en=(
            "First names only",
            "We use first names only in the group. Nobody needs to know anyone's surname, "
            "workplace or where they live.",
        ),
    ),
    _item(
        "closing_words",
        _P,
        nb=(
            "Vi avslutter med felles ord",
            "Før vi går, minner vi hverandre om at det vi har hørt, blir igjen i rommet: «Det "
            "du hører her, lar du bli her.»",
        ),
        nn=(
            "Vi avsluttar med felles ord",
            "Før vi går, minner vi kvarandre om at det vi har høyrt, blir att i rommet: «Det du "
            "høyrer her, lèt du bli her.»",
        ),
        en=(
            "We close with shared words",
            "Before we leave, we remind each other that what we heard stays in the room: "
            "“What you hear here, let it stay here.”",
        ),
    ),
    _item(
        "private_room",
        _P,
        nb=(
            "Sitt for deg selv",
            "Sitt i et rom der ingen andre kan høre eller se samtalen. Bruk gjerne hodetelefoner.",
        ),
        nn=(
            "Sit for deg sjølv",
            "Sit i eit rom der ingen andre kan høyre eller sjå samtalen. Bruk gjerne "
            "hovudtelefonar.",
        ),
        en=(
            "Sit somewhere private",
            "Sit in a room where nobody else can hear or see the conversation. Headphones are "
            "a good idea.",
        ),
    ),
    _item(
        "camera_agreement",
        _P,
        nb=(
            "Avtal bruk av kamera",
            "Vi blir enige om kameraet skal være på eller av, og holder oss til det. Slik vet "
            "alle hvem som kan se dem.",
        ),
        nn=(
            "Avtal bruk av kamera",
            "Vi blir samde om kameraet skal vere på eller av, og held oss til det. Slik veit "
            "alle kven som kan sjå dei.",
        ),
        en=(
            "Agree on camera use",
            "We agree whether cameras are on or off, and we stick to it. That way everyone "
            "knows who can see them.",
        ),
    ),
    _item(
        "no_recording",
        _P,
        nb=(
            "Aldri opptak",
            "Ingen tar opp lyd eller bilde fra møtene, og ingen tar skjermbilder. Det gjelder "
            "alltid, uten unntak.",
        ),
        nn=(
            "Aldri opptak",
            "Ingen tek opp lyd eller bilete frå møta, og ingen tek skjermbilete. Det gjeld "
            "alltid, utan unntak.",
        ),
        en=(
            "No recording, ever",
            "Nobody records sound or video from the meetings, and nobody takes screenshots. "
            "This always applies, without exception.",
        ),
    ),
    # Principles for the conversation.
    _item(
        "here_and_now",
        _C,
        nb=(
            "Her og nå – og herfra og videre",
            "Vi snakker om hvordan vi har det nå, og hva vi vil gjøre herfra og videre. Vi "
            "bruker ikke tida på å lete etter årsaker og skyld i fortida.",
        ),
        nn=(
            "Her og no – og herifrå og vidare",
            "Vi snakkar om korleis vi har det no, og kva vi vil gjere herifrå og vidare. Vi "
            "brukar ikkje tida på å leite etter årsaker og skuld i fortida.",
        ),
        en=(
            "Here and now, and onwards from here",
            "We talk about how things are now and what we want to do from here on. We do not "
            "spend our time digging for causes and blame in the past.",
        ),
    ),
    _item(
        "no_advice",
        _C,
        nb=(
            "Tørre å la være å gi råd",
            "Vi gir ikke råd med mindre noen ber om det. Vi deler heller egne erfaringer, så "
            "finner hver og en sin egen vei.",
        ),
        nn=(
            "Tore å la vere å gje råd",
            "Vi gjev ikkje råd utan at nokon ber om det. Vi deler heller eigne erfaringar, så "
            "finn kvar og ein sin eigen veg.",
        ),
        en=(
            "Dare not to give advice",
            "We do not give advice unless someone asks for it. Instead we share our own "
            "experience, and each of us finds our own way.",
        ),
    ),
    _item(
        "speak_from_yourself",
        _C,
        nb=(
            "Snakk ut fra deg selv – si «jeg»",
            "Fortell om dine egne erfaringer og følelser. Si «jeg», ikke «man», «du» eller «folk».",
        ),
        nn=(
            "Snakk ut frå deg sjølv – sei «eg»",
            "Fortel om dine eigne erfaringar og kjensler. Sei «eg», ikkje «ein», «du» eller "
            "«folk».",
        ),
        en=(
            "Speak from yourself – say “I”",
            "Talk about your own experiences and feelings. Say “I”, not “one”, “you” or “people”.",
        ),
    ),
    _item(
        "share_the_pain",
        _C,
        nb=(
            "Dele smerten uten å ta den bort",
            "Vi tåler å høre det som er vondt, uten å trøste det bort eller skynde oss videre. "
            "Å bli møtt der man er, hjelper ofte mer enn gode råd.",
        ),
        nn=(
            "Dele det vonde utan å ta det bort",
            "Vi toler å høyre det som er vondt, utan å trøyste det bort eller skunde oss "
            "vidare. Å bli møtt der ein er, hjelper ofte meir enn gode råd.",
        ),
        en=(
            "Share the pain, don't take it away",
            "We can bear to hear what hurts without comforting it away or hurrying on. Often, "
            "being met where you are helps more than good advice.",
        ),
    ),
    _item(
        "not_a_coffee_club",
        _C,
        nb=(
            "Mer enn historier og kaffeslabberas",
            "Vi forteller ikke bare hva som har skjedd, men arbeider med hva det gjør med oss. "
            "Det er lov å ha det hyggelig, men gruppa er ingen koseklubb.",
        ),
        nn=(
            "Meir enn forteljingar og kaffislabberas",
            "Vi fortel ikkje berre kva som har hendt, men arbeider med kva det gjer med oss. "
            "Det er lov å ha det kjekt, men gruppa er ingen koseklubb.",
        ),
        en=(
            "More than stories and a coffee club",
            "We do not just tell what happened; we work with what it does to us. It is fine to "
            "enjoy each other's company, but the group is more than a social club.",
        ),
    ),
    _item(
        "listen",
        _C,
        nb=(
            "Lytte til deg selv og til hverandre",
            "Gi hverandre tid og full oppmerksomhet. Kjenn også etter hva det de andre sier, "
            "vekker i deg.",
        ),
        nn=(
            "Lytte til deg sjølv og til kvarandre",
            "Gje kvarandre tid og full merksemd. Kjenn òg etter kva det dei andre seier, "
            "vekkjer i deg.",
        ),
        en=(
            "Listen to yourself and to each other",
            "Give each other time and your full attention. Notice, too, what the others' "
            "words stir in you.",
        ),
    ),
    _item(
        "be_visible",
        _C,
        nb=(
            "Tørre å bli sett",
            "Det er lov å vise at noe gjør inntrykk på deg. Når vi viser hvem vi er, blir det "
            "lettere for de andre å gjøre det samme.",
        ),
        nn=(
            "Tore å bli sett",
            "Det er lov å vise at noko gjer inntrykk på deg. Når vi viser kven vi er, blir det "
            "lettare for dei andre å gjere det same.",
        ),
        en=(
            "Dare to be seen",
            "It is all right to show that something moves you. When we let ourselves be seen, "
            "it becomes easier for the others to do the same.",
        ),
    ),
    _item(
        "own_pace",
        _C,
        nb=(
            "Ikke si mer enn du er klar for",
            "Du bestemmer selv hvor mye du deler, og når. Ingen skal presses til å fortelle mer "
            "enn de er klare for.",
        ),
        nn=(
            "Ikkje sei meir enn du er klar for",
            "Du avgjer sjølv kor mykje du deler, og når. Ingen skal pressast til å fortelje "
            "meir enn dei er klare for.",
        ),
        en=(
            "Don't say more than you are ready for",
            "You decide how much you share, and when. Nobody should be pushed to tell more "
            "than they are ready for.",
        ),
    ),
    _item(
        "everyone_responsible",
        _C,
        nb=(
            "Alle har ansvar for gruppa",
            "Vi sier fra når noe ikke fungerer, og tar det opp i gruppa. Hver og en bidrar til "
            "at møtene blir et godt sted å være.",
        ),
        nn=(
            "Alle har ansvar for gruppa",
            "Vi seier frå når noko ikkje fungerer, og tek det opp i gruppa. Kvar og ein bidreg "
            "til at møta blir ein god stad å vere.",
        ),
        en=(
            "Everyone is responsible for the group",
            "When something isn't working, we say so and bring it up in the group. Each of us "
            "helps make the meetings a good place to be.",
        ),
    ),
    _item(
        "no_cross_talk",
        _C,
        nb=(
            "Ingen kommentarer til andres deling",
            "Vi lytter uten å kommentere, svare på eller rette på det de andre deler. Det hver "
            "enkelt sier, får stå for seg selv.",
        ),
        nn=(
            "Ingen kommentarar til det dei andre deler",
            "Vi lyttar utan å kommentere, svare på eller rette på det dei andre deler. Det kvar "
            "einskild seier, får stå for seg sjølv.",
        ),
        en=(
            "No comments on what others share",
            "We listen without commenting on, answering or correcting what others share. "
            "What each person says is allowed to stand on its own.",
        ),
    ),
)

_BY_KEY: Mapping[str, LibraryItem] = MappingProxyType({item.key: item for item in LIBRARY})

_SN_PRACTICAL = (
    "group_size",
    "closed_group",
    "fixed_time_and_place",
    "meeting_length",
    "confidentiality_inside",
    "confidentiality_outside",
    "meeting_in_public",
    "notify_absence",
    "no_intoxication",
    "no_leader",
)
_SN_CONVERSATION = (
    "here_and_now",
    "no_advice",
    "speak_from_yourself",
    "share_the_pain",
    "not_a_coffee_club",
    "listen",
    "be_visible",
    "own_pace",
    "everyone_responsible",
)
# A phone or video group keeps its fixed time but has no room to meet in.
_PHONE_PRACTICAL = (
    *("fixed_time" if key == "fixed_time_and_place" else key for key in _SN_PRACTICAL),
    "private_room",
    "camera_agreement",
    "no_recording",
)


_PRESETS: Mapping[Preset, tuple[str, ...]] = MappingProxyType(
    {
        Preset.SN: _SN_PRACTICAL + _SN_CONVERSATION,
        # Open groups take newcomers any time, so size, closedness and the two-hour SN
        # meeting are left out; anonymity replaces the SN rule that lets you name yourself.
        Preset.TWELVE_STEP: (
            "fixed_time_and_place",
            "first_names_only",
            "confidentiality_inside",
            "anonymity_outside",
            "meeting_in_public",
            "notify_absence",
            "no_intoxication",
            "closing_words",
            "no_cross_talk",
            "speak_from_yourself",
            "listen",
            "own_pace",
        ),
        Preset.HYBRID: (*_SN_PRACTICAL, "closing_words", *_SN_CONVERSATION),
        Preset.PHONE: _PHONE_PRACTICAL + _SN_CONVERSATION,
    }
)

_PRESET_FOR_TRADITION: Mapping[Tradition, Preset] = MappingProxyType(
    {
        Tradition.SN: Preset.SN,
        Tradition.TWELVE_STEP: Preset.TWELVE_STEP,
        Tradition.HYBRID: Preset.HYBRID,
    }
)

_KIND_ORDER = {FrameKind.PRACTICAL: 0, FrameKind.CONVERSATION: 1, FrameKind.CUSTOM: 2}


def library_item(key: str) -> LibraryItem:
    """The library item with ``key``; raises ``KeyError`` if there is none."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"No frame in the library with the key {key!r}") from None


def preset_keys(preset: Preset) -> tuple[str, ...]:
    """The keys of a preset's items: practical frames first, then the conversation."""
    keys = _PRESETS[Preset(preset)]
    # Sorting is stable, so the hand-picked order holds within each kind.
    return tuple(sorted(keys, key=lambda k: _KIND_ORDER[_BY_KEY[k].kind]))


def preset_for(tradition: Tradition) -> Preset:
    """The preset that matches a group's tradition."""
    return _PRESET_FOR_TRADITION[Tradition(tradition)]


def default_frames(preset: Preset) -> list[FrameItem]:
    """New frame items for a preset, each with its own id and all three languages."""
    return [
        FrameItem(kind=item.kind, texts=dict(item.texts), source_key=item.key)
        for item in (_BY_KEY[key] for key in preset_keys(preset))
    ]
