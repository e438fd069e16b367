extension TwiMLVocabulary {
    /// The SSML elements `<Say>` accepts (Docs/Twilio.md#nesting, Docs/Twilio.md#schema). Their text mixes with child elements.
    static let ssmlNames = ["break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w"]

    /// Inline SSML elements allowed inside sentences and words (the helper libraries' nesting, Docs/Twilio.md#schema).
    private static let inlineSSML = ["break", "emphasis", "lang", "phoneme", "prosody", "say-as", "sub", "w"]

    /// SSML elements; attribute value sets come from the helper-library types named in Docs/Twilio.md#schema
    /// (`SsmlBreakStrength`, `SsmlEmphasisLevel`, `SsmlPhonemeAlphabet`, `SsmlSayAs*`).
    static let ssmlSpecs: [TwiMLElementSpec] = [
        TwiMLElementSpec(
            "break", source: "Docs/Twilio.md#nesting (SSML)",
            attributes: [
                TwiMLAttributeSpec(
                    "strength", .enumeration(["none", "x-weak", "weak", "medium", "strong", "x-strong"])),
                string("time"),
            ]),
        TwiMLElementSpec(
            "emphasis", source: "Docs/Twilio.md#nesting (SSML)", text: .optional(.anyString),
            attributes: [TwiMLAttributeSpec("level", .enumeration(["strong", "moderate", "reduced"]))],
            children: inlineSSML.map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "lang", source: "Docs/Twilio.md#nesting (SSML)", text: .optional(.anyString),
            attributes: [TwiMLAttributeSpec("xml:lang", .languageTag, required: true)],
            children: ssmlNames.map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "p", source: "Docs/Twilio.md#nesting (SSML)", text: .optional(.anyString),
            children: (inlineSSML + ["s"]).map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "phoneme", source: "Docs/Twilio.md#nesting (SSML)", text: .required(.nonEmptyString),
            attributes: [
                TwiMLAttributeSpec(
                    "alphabet",
                    .enumeration([
                        "ipa", "x-sampa", "x-amazon-jyutping", "x-amazon-pinyin", "x-amazon-pron-kana",
                        "x-amazon-yomigana",
                    ])),
                TwiMLAttributeSpec("ph", .nonEmptyString, required: true),
            ]),
        TwiMLElementSpec(
            "prosody", source: "Docs/Twilio.md#nesting (SSML)", text: .optional(.anyString),
            attributes: [string("volume"), string("rate"), string("pitch")],
            children: ssmlNames.map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "s", source: "Docs/Twilio.md#nesting (SSML)", text: .optional(.anyString), children: inlineSSML.map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "say-as", source: "Docs/Twilio.md#nesting (SSML)", text: .required(.nonEmptyString),
            attributes: [
                TwiMLAttributeSpec(
                    "interpret-as",
                    .enumeration([
                        "characters", "spell-out", "cardinal", "number", "ordinal", "digits", "fraction", "unit",
                        "date",
                        "time", "address", "expletive", "telephone",
                    ]), required: true),
                TwiMLAttributeSpec(
                    "format", .enumeration(["mdy", "dmy", "ymd", "md", "dm", "ym", "my", "d", "m", "y", "yyyymmdd"])),
            ]),
        TwiMLElementSpec(
            "sub", source: "Docs/Twilio.md#nesting (SSML)", text: .required(.nonEmptyString),
            attributes: [TwiMLAttributeSpec("alias", .nonEmptyString, required: true)]),
        TwiMLElementSpec(
            "w", source: "Docs/Twilio.md#nesting (SSML)", text: .optional(.anyString), attributes: [string("role")],
            children: ["break", "emphasis", "phoneme", "prosody", "say-as", "sub"].map { TwiMLChildRule($0) }),
    ]
}
