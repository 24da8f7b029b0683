//! Properties of money over its whole allowed range.

use commplan_core::budget::{BudgetLine, summarise};
use commplan_core::money::{MAX_AMOUNT, MAX_QUANTITY_CENTI, Money, Quantity, line_amount, sum};
use commplan_core::words::amount_in_words;
use proptest::prelude::*;

proptest! {
    #[test]
    fn what_is_shown_reads_back_as_the_same_amount(dong in 0..=MAX_AMOUNT) {
        let m = Money::new(dong).expect("in range");
        prop_assert_eq!(Money::parse(&m.display()).expect("parses"), m);
        prop_assert_eq!(Money::parse(&dong.to_string()).expect("parses"), m);
    }

    #[test]
    fn quantities_read_back_as_shown(centi in 0..=MAX_QUANTITY_CENTI) {
        let q = Quantity(centi);
        prop_assert_eq!(Quantity::parse(&q.display()).expect("parses"), q);
    }

    #[test]
    fn a_sum_is_exact_or_an_error_never_a_wrapped_number(amounts in prop::collection::vec(0..=MAX_AMOUNT, 0..40)) {
        let exact: i128 = amounts.iter().map(|a| i128::from(*a)).sum();
        let result = sum(amounts.iter().map(|a| Money::new(*a).expect("in range")));
        if exact <= i128::from(MAX_AMOUNT) {
            prop_assert_eq!(i128::from(result.expect("fits").dong()), exact);
        } else {
            prop_assert!(result.is_err());
        }
    }

    #[test]
    fn line_amounts_round_half_up_exactly(centi in 0..=MAX_QUANTITY_CENTI, price in 0..=MAX_AMOUNT) {
        let exact = (i128::from(centi) * i128::from(price) + 50) / 100;
        match line_amount(Quantity(centi), Money::new(price).expect("in range")) {
            Ok(m) => prop_assert_eq!(i128::from(m.dong()), exact),
            Err(_) => prop_assert!(exact > i128::from(MAX_AMOUNT)),
        }
    }

    #[test]
    fn every_amount_has_words_ending_in_dong(dong in 0..=MAX_AMOUNT) {
        let words = amount_in_words(Money::new(dong).expect("in range"));
        prop_assert!(words.ends_with(" đồng"));
        prop_assert!(words.chars().next().is_some_and(char::is_uppercase));
        prop_assert!(!words.contains("  "));
    }

    #[test]
    fn totals_by_category_add_up_to_the_total(amounts in prop::collection::vec((0i64..1_000_000_000_000, 0usize..4), 0..30)) {
        let lines: Vec<BudgetLine> = amounts.iter().enumerate().map(|(i, (a, c))| BudgetLine {
            id: i64::try_from(i).expect("small"),
            category_id: (*c > 0).then(|| i64::try_from(*c).expect("small")),
            description: String::new(),
            unit_of_measure: String::new(),
            quantity: Quantity(100),
            unit_price: Money::new(*a).expect("ok"),
            amount: Money::new(*a).expect("ok"),
            approved: None,
            funding_source_id: None,
            activity_id: None,
            notes: String::new(),
        }).collect();
        let cats = (1..4).map(|id| commplan_core::budget::RefItem { id, name: format!("Nhóm {id}") }).collect();
        let view = summarise(1, lines, cats, Vec::new(), &[], 2027, None).expect("fits");
        let by_cat: i64 = view.by_category.iter().map(|t| t.proposed.dong()).sum();
        prop_assert_eq!(by_cat, view.total.dong());
        let by_quarter: i64 = view.by_quarter.iter().map(|t| t.proposed.dong()).sum();
        prop_assert_eq!(by_quarter, view.total.dong());
    }
}
