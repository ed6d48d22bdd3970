use super::*;
use crate::comparison::StatementKind;
use crate::corpus::read_document as load;

fn read(text: &str) -> Vec<Statement> {
    let lex = Lexicon::bundled();
    let doc = match load("test.txt", text.as_bytes(), &lex) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let corpus = Corpus {
        root: "t".into(),
        documents: vec![doc],
        ..Corpus::default()
    };
    read_corpus(&corpus, &lex).statements
}

fn find<'a>(st: &'a [Statement], phrase: &str) -> &'a Statement {
    match st.iter().find(|s| s.text.contains(phrase)) {
        Some(s) => s,
        None => panic!("no statement holds {phrase:?}: {st:#?}"),
    }
}

#[test]
fn a_quote_over_three_paragraphs_keeps_its_speaker() {
    let st = read(
        "Riverton City Council has approved the new library.\n\n\
             Council leader Amy Hart said: \"The library will open in May. It has cost £4m.\n\n\
             \"Readers asked for longer hours.\n\n\
             \"We listened to them.\"\n\n\
             The building work starts next week.",
    );
    for phrase in [
        "will open in May",
        "It has cost £4m",
        "longer hours",
        "We listened",
    ] {
        let s = find(&st, phrase);
        assert_eq!(s.kind, StatementKind::Quote, "{phrase}");
        assert_eq!(s.speaker.as_deref(), Some("Amy Hart"), "{phrase}");
        assert_eq!(
            s.claimant.as_deref(),
            Some("riverton-city-council"),
            "{phrase}"
        );
    }
    let s = find(&st, "building work");
    assert_eq!(s.kind, StatementKind::Narrative);
    assert_eq!(s.claimant.as_deref(), Some("riverton-city-council"));
    // the attribution stays with the quote it introduces: no word is lost, and it is
    // not a narrative claim of its own
    let intro: Vec<&Statement> = st.iter().filter(|s| s.text.contains("said:")).collect();
    assert_eq!(intro.len(), 1, "{st:#?}");
    assert_eq!(intro[0].kind, StatementKind::Quote);
    assert!(intro[0].text.starts_with("Council leader Amy Hart said:"));
    assert!(
        intro[0].text.ends_with("will open in May."),
        "{}",
        intro[0].text
    );
}

#[test]
fn a_surname_after_first_mention_resolves_to_the_full_name() {
    let st = read(
        "The Harbour Trust says berth fees will rise.\n\n\
             Tom Reed, chief executive of Harbour Trust, said: \"Fees have not risen in years.\"\n\n\
             Mr Reed added: \"We have no choice.\"\n\n\
             \"The berths need dredging,\" Reed said.",
    );
    for phrase in ["not risen", "no choice", "need dredging"] {
        let s = find(&st, phrase);
        assert_eq!(s.speaker.as_deref(), Some("Tom Reed"), "{phrase}");
        assert_eq!(s.claimant.as_deref(), Some("harbour-trust"), "{phrase}");
    }
}

#[test]
fn a_sentence_that_quotes_one_party_and_reports_another() {
    let st = read(
        "Harbour Trust has announced new fees for moorings.\n\n\
             Union leader Jo Park said the fees were \"reckless and unfair\", but the trust says they will pay for repairs.",
    );
    let first = find(&st, "reckless and unfair");
    assert_eq!(first.kind, StatementKind::Reported);
    assert_eq!(first.speaker.as_deref(), Some("Jo Park"));
    assert!(!first.text.contains("the trust says"), "{}", first.text);
    let second = find(&st, "the trust says");
    assert_eq!(second.kind, StatementKind::Reported);
    assert_eq!(second.claimant.as_deref(), Some("harbour-trust"));
    assert!(!second.text.contains("reckless"), "{}", second.text);
    // one party's two clauses stay one statement
    let st = read("Harbour Trust says fees will rise, but the trust says repairs come first.");
    assert_eq!(st.len(), 1);
}

#[test]
fn a_sentence_that_reports_one_party_and_the_others_denial() {
    let st = read(
        "Lowmoor Rovers FC will share the stadium with Eastfield Athletic FC from August.\n\n\
             But Eastfield Athletic FC says it is paying for the pitch - a claim the club disputes - and wants a new deal.",
    );
    let s = find(&st, "says it is paying");
    assert_eq!(s.kind, StatementKind::Reported);
    assert_eq!(s.claimant.as_deref(), Some("eastfield-athletic-fc"));
    assert_eq!(s.counter_claimant.as_deref(), Some("lowmoor-rovers-fc"));
}

#[test]
fn a_role_named_once_stands_for_its_holder() {
    let st = read(
        "Lakeside Rowing Club has left the regional league.\n\n\
             Jane Doe, the club's chair, who led the talks, said the league had been unfair.\n\n\
             Rivals accused the club of walking out. The chair rejected that charge.",
    );
    let s = find(&st, "rejected that charge");
    assert_eq!(s.kind, StatementKind::Reported);
    assert_eq!(s.speaker.as_deref(), Some("Jane Doe"));
    assert_eq!(s.claimant.as_deref(), Some("lakeside-rowing-club"));
}

#[test]
fn a_quote_after_an_attributed_quote_in_its_paragraph_keeps_the_speaker() {
    let st = read(
        "Greenway Buses will cut two routes.\n\n\
             \"We had no choice,\" Greenway Buses director Sam Hill said. \"Fuel costs doubled. Fares cannot cover them.\"",
    );
    for phrase in ["no choice", "Fuel costs doubled", "Fares cannot"] {
        let s = find(&st, phrase);
        assert_eq!(s.speaker.as_deref(), Some("Sam Hill"), "{phrase}");
        assert_eq!(s.claimant.as_deref(), Some("greenway-buses"), "{phrase}");
    }
}

#[test]
fn the_union_and_the_spokesperson_are_the_parties_the_document_named() {
    let st = read(
        "Nurses at Northshire Hospitals Trust have voted to strike, according to the Royal Guild of Nurses (RGN).\n\n\
             A Northshire Hospitals Trust spokesperson said the offer was fair. \"We have offered 6%,\" the spokesperson said.\n\n\
             The guild said the offer was worth 2% at most. An RGN source said members were angry.",
    );
    let s = find(&st, "We have offered");
    assert_eq!(s.claimant.as_deref(), Some("northshire-hospitals-trust"));
    let s = find(&st, "worth 2%");
    assert_eq!(s.claimant.as_deref(), Some("royal-guild-of-nurses"));
    let s = find(&st, "members were angry");
    assert_eq!(s.claimant.as_deref(), Some("royal-guild-of-nurses"));
    let s = find(&st, "have voted to strike");
    assert_eq!(s.claimant.as_deref(), Some("royal-guild-of-nurses"));
}

#[test]
fn an_office_in_lower_case_before_a_name_gives_the_party() {
    let st = read(
        "Northshire Fire Service will close two stations.\n\n\
             Lowland police and crime commissioner Jo Bloggs said the plan was reckless.\n\n\
             \"Lives are at stake,\" Ms Bloggs said.",
    );
    let s = find(&st, "Lives are at stake");
    assert_eq!(s.speaker.as_deref(), Some("Jo Bloggs"));
    assert_eq!(s.claimant.as_deref(), Some("lowland"));
}

#[test]
fn the_force_is_the_latest_subject_of_its_class_not_the_latest_mention() {
    let st = read(
        "Northshire Police and Southvale Police will end their joint patrols.\n\n\
             Northshire Police chief constable Jo Bloggs said the plan was fairer to Southvale Police. \
             The force itself described the criticism as out of date.",
    );
    let s = find(&st, "out of date");
    assert_eq!(s.kind, StatementKind::Reported);
    assert_eq!(s.claimant.as_deref(), Some("northshire"));
}

#[test]
fn a_curly_quote_before_a_pronoun_attribution() {
    // a sentence start after a three-byte closing mark (found by the tiling proptest)
    let st = read(
        "Riverton Council met on Monday.\n\n“We disagree.” Jo Bloggs, the mayor of Riverton, said the money was there. \"It is not enough,\" she said.",
    );
    let s = find(&st, "It is not enough");
    assert_eq!(s.kind, StatementKind::Quote);
    assert_eq!(s.speaker.as_deref(), Some("Jo Bloggs"));
}

#[test]
fn captions_figures_topics_and_ids() {
    let text = "Image caption The new ward at St Anne's\n\nThe hospital will spend £2.5m over 18 months, 40% more than planned.\n\nBack to news";
    let st = read(text);
    assert_eq!(st[0].kind, StatementKind::Caption);
    assert_eq!(st[0].claimant, None);
    assert_eq!(st.last().map(|s| s.kind), Some(StatementKind::Boilerplate));
    let s = find(&st, "spend");
    let values: Vec<&str> = s.entities.iter().map(|e| e.value.as_str()).collect();
    assert!(
        values.contains(&"GBP 2500000") && values.contains(&"P18M") && values.contains(&"0.4"),
        "{values:?}"
    );
    assert!(
        s.topics.contains(&"money".to_string()) && s.topics.contains(&"health".to_string()),
        "{:?}",
        s.topics
    );
    assert_eq!(s.id, statement_id(&s.document, &(s.span[0]..s.span[1])));
    let again = read(text);
    assert_eq!(st, again);
}

#[test]
fn several_parties_of_one_class_speak_for_none_of_them() {
    let st = read(
        "Northvale Council merged its call centre with Southvale Council's in 2015, \
             when the councils said the move would save £3m.\n\n\
             The two councils said the merger had worked.",
    );
    for phrase in ["the councils said", "The two councils said"] {
        let s = find(&st, phrase);
        // narrative: the document's own (its publisher's), not one council's report
        assert_eq!(s.kind, StatementKind::Narrative, "{phrase}: {s:?}");
        assert_eq!(s.speaker, None, "{phrase}");
    }
    // one service named: the class noun is that service
    let st = read("Northvale Council has closed a library.\n\nThe council said books were safe.");
    assert_eq!(
        find(&st, "books were safe").claimant.as_deref(),
        Some("northvale-council")
    );
}

#[test]
fn the_pair_is_the_person_of_known_party_named_with_the_other() {
    let st = read(
        "Eastmoor Council's leader Ana Ruiz and Deputy Chief Executive Tom Vale confirmed in a joint \
             statement that they would appeal.\n\n\
             In their statement the pair said: \"We will appeal the ruling.\"",
    );
    let s = find(&st, "We will appeal");
    // the deputy's title names no body: the leader is the one whose party is known
    assert_eq!(s.speaker.as_deref(), Some("Ana Ruiz"), "{s:?}");
    assert_eq!(s.claimant.as_deref(), Some("eastmoor-council"));
}

#[test]
fn a_former_officer_speaks_for_themselves() {
    let st = read(
        "Eastmoor Council has sold the library.\n\n\
             Rosa Lind, who was Eastmoor Council's leader and who opened the library, has written to the minister.\n\n\
             \"Selling it is a mistake,\" she wrote.\n\n\
             Former council chief executive Dan Oduya said the sale was rushed.",
    );
    let quote = find(&st, "Selling it is a mistake");
    assert_eq!(quote.speaker.as_deref(), Some("Rosa Lind"));
    assert_eq!(quote.claimant.as_deref(), Some("rosa-lind"));
    let reported = find(&st, "the sale was rushed");
    assert_eq!(reported.claimant.as_deref(), Some("dan-oduya"));
}

#[test]
fn an_office_title_with_no_body_is_the_party() {
    let st = read("Transport Secretary Mia Holt said: \"The line will reopen in May.\"");
    let s = find(&st, "reopen in May");
    assert_eq!(s.speaker.as_deref(), Some("Mia Holt"));
    assert_eq!(s.claimant.as_deref(), Some("transport-secretary"));
    // a general secretary is no office of state
    let st = read("General Secretary Ola Berg said: \"We will strike.\"");
    assert_ne!(
        find(&st, "We will strike").claimant.as_deref(),
        Some("general-secretary")
    );
}

#[test]
fn the_statement_speaks_for_whoever_issued_it() {
    let st = read(
        "The statement, issued yesterday by Riverside Trust's chair Kim Ode and its director Lee Park, \
             comes as the dispute deepens.\n\n\
             \"We cannot accept these terms,\" the statement says. \"They are unfair.\"\n\n\
             In a letter sent on Monday, the Dockworkers Union told Harbour Board chief executive Sam Eke \
             that the offer was too low.\n\n\
             \"You know the offer is worth less,\" the letter said, before calling on Eke to return to talks.\n\n\
             According to the letter, the offer would cut pay.",
    );
    let s = find(&st, "cannot accept these terms");
    assert_eq!(s.claimant.as_deref(), Some("riverside-trust"));
    assert_eq!(s.speaker.as_deref(), Some("Kim Ode"));
    assert_eq!(
        find(&st, "They are unfair").claimant.as_deref(),
        Some("riverside-trust")
    );
    // the letter is the union's, not its addressee's
    let s = find(&st, "worth less");
    assert_eq!(s.claimant.as_deref(), Some("dockworkers-union"));
    let s = find(&st, "would cut pay");
    assert_eq!(s.claimant.as_deref(), Some("dockworkers-union"));
}

#[test]
fn plural_subjects_report_in_the_present() {
    let st = read(
        "Westport Council has cut two libraries.\n\n\
             Council chiefs say the cuts will not close reading groups.",
    );
    let s = find(&st, "will not close");
    assert_eq!(s.kind, StatementKind::Reported);
    assert_eq!(s.claimant.as_deref(), Some("westport-council"));
}

#[test]
fn a_titled_person_with_a_role_after_a_comma() {
    let st = read(
        "Councillor Pat Reyes, chairman of the Lowfield Scrutiny Panel, said: \"We want the full cost.\"",
    );
    let s = find(&st, "full cost");
    assert_eq!(s.speaker.as_deref(), Some("Pat Reyes"));
    assert_eq!(s.claimant.as_deref(), Some("lowfield-scrutiny-panel"));
}

#[test]
fn a_denial_of_another_partys_words_answers_that_party() {
    let st = read(
        "Lakeside Rowing Club has left the regional league.\n\n\
             Mia Sorensen, who was the league's chair, called the exit \"an act of vandalism\".\n\n\
             Lakeside Rowing Club dismissed Ms Sorensen's remarks as \"poorly informed\".\n\n\
             The club also rejected the league's figures on fees.",
    );
    let s = find(&st, "dismissed Ms Sorensen");
    assert_eq!(s.claimant.as_deref(), Some("lakeside-rowing-club"));
    assert_eq!(s.answers.as_deref(), Some("mia-sorensen"));
    // a denial with no owner named answers nobody
    let st = read("Lakeside Rowing Club has left the league.\n\nThe club dismissed the idea.");
    assert_eq!(find(&st, "dismissed the idea").answers, None);
}

#[test]
fn in_his_words_is_the_last_persons_report() {
    let st = read(
        "Lakeside Rowing Club has left the regional league.\n\n\
             Former chair Mia Sorensen has written to the members.\n\n\
             In her words, many rowers \"will see this as a betrayal\".",
    );
    let s = find(&st, "In her words");
    assert_eq!(s.kind, StatementKind::Reported);
    assert_eq!(s.speaker.as_deref(), Some("Mia Sorensen"));
    assert_eq!(s.claimant.as_deref(), Some("mia-sorensen"));
}

#[test]
fn a_person_named_inside_the_quote_is_not_its_speaker_and_a_rebuttal_answers_them() {
    let st = read(
        "Lakeside Rowing Club's chair Ola Berg has asked the league for an apology.\n\n\
             League president Sam Kerr said there would be no apology.\n\n\
             \"Ms Berg has misread both the rules and what I said,\" he said.",
    );
    let s = find(&st, "has misread");
    assert_eq!(s.speaker.as_deref(), Some("Sam Kerr"), "{s:?}");
    assert_eq!(s.answers.as_deref(), Some("lakeside-rowing-club"), "{s:?}");
}

#[test]
fn questioning_whether_another_party_said_it_answers_that_party() {
    let st = read(
        "The Island Council says the Northgate Ferry Company has threatened to end the \
             winter sailings.\n\n\
             The Northgate Ferry Company questioned whether the Island Council had ever \
             been told so, or whether that was a conclusion drawn by others.",
    );
    let s = find(&st, "questioned whether");
    assert_eq!(
        s.claimant.as_deref(),
        Some("northgate-ferry-company"),
        "{s:?}"
    );
    assert_eq!(s.answers.as_deref(), Some("island-council"), "{s:?}");
}
