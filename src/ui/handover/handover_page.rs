//! The 换届 page, from 我的 and from the home page's reminder.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;

use super::committee_history::CommitteeHistory;
use super::steps_card::StepsCard;
use super::term_card::TermCard;
use crate::ui::widgets::{PageHeader, PrintButton};

#[component]
pub fn HandoverPage() -> impl IntoView {
    view! {
        <PageHeader title="支部委员会换届" back="/mine" />
        <ReadOnly area=Area::Handover>
            <TermCard />
            <StepsCard />
            <CommitteeHistory />
        </ReadOnly>
        <section class="card actions">
            <PrintButton href="/print/handover" label="打印换届工作记录" />
        </section>
    }
}
