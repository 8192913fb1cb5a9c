//! The member form's fields, one signal each, read back into a member.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::roster::{
    change_posts, Exemption, Extension, FormerPost, Probation, Suspension,
};
use crate::domain::{Member, Role, Standing};

#[derive(Clone, Copy)]
pub struct Fields {
    pub name: RwSignal<String>,
    pub group: RwSignal<Option<String>>,
    pub standing: RwSignal<Standing>,
    pub admitted: RwSignal<Option<NaiveDate>>,
    pub joined: RwSignal<Option<NaiveDate>>,
    pub roles: RwSignal<Vec<Role>>,
    pub duty: RwSignal<String>,
    /// The day the current posts began (任现职日期).
    pub posts_since: RwSignal<Option<NaiveDate>>,
    /// The day the posts changed, when the form changes them.
    pub posts_changed_on: RwSignal<Option<NaiveDate>>,
    pub former_posts: RwSignal<Vec<FormerPost>>,
    pub confirmed: RwSignal<Option<NaiveDate>>,
    pub extension: RwSignal<Option<Extension>>,
    pub probation: RwSignal<Option<Probation>>,
    pub suspension: RwSignal<Option<Suspension>>,
    pub exempt: RwSignal<Option<Exemption>>,
    pub note: RwSignal<String>,
}

impl Fields {
    pub fn of(m: &Member, today: NaiveDate) -> Fields {
        Fields {
            name: RwSignal::new(m.name.clone()),
            group: RwSignal::new(m.group_id.clone()),
            standing: RwSignal::new(m.standing),
            admitted: RwSignal::new(m.admitted_on),
            joined: RwSignal::new(m.joined_on),
            roles: RwSignal::new(m.roles.clone()),
            duty: RwSignal::new(m.duty.clone()),
            posts_since: RwSignal::new(m.posts_since),
            posts_changed_on: RwSignal::new(Some(today)),
            former_posts: RwSignal::new(m.former_posts.clone()),
            confirmed: RwSignal::new(m.confirmed_on),
            extension: RwSignal::new(m.extension.clone()),
            probation: RwSignal::new(m.probation.clone()),
            suspension: RwSignal::new(m.suspension.clone()),
            exempt: RwSignal::new(m.exempt.clone()),
            note: RwSignal::new(m.note.clone()),
        }
    }

    /// Whether the form gives `original` other posts than they hold.
    pub fn posts_change(&self, original: &Member) -> bool {
        let committee = self.roles.with(|r| r.iter().any(|r| r.is_committee()));
        let duty = if committee {
            self.duty.with(|d| d.trim().to_string())
        } else {
            String::new()
        };
        self.roles.with(|r| *r != original.roles) || duty != original.duty
    }

    /// `base` with the fields as typed (name unchecked). Posts changed on
    /// an existing member go into their history with the day they changed.
    pub fn read(&self, base: &Member, is_new: bool) -> Member {
        let roles = self.roles.get();
        let committee = roles.iter().any(|r| r.is_committee());
        let duty = if committee {
            self.duty.get().trim().to_string()
        } else {
            String::new()
        };
        let standing = self.standing.get();
        let mut member = Member {
            name: self.name.get(),
            group_id: self.group.get(),
            standing,
            admitted_on: self.admitted.get(),
            joined_on: self.joined.get(),
            roles: base.roles.clone(),
            duty: base.duty.clone(),
            posts_since: self.posts_since.get(),
            former_posts: self.former_posts.get(),
            confirmed_on: self.confirmed.get().filter(|_| standing == Standing::Full),
            extension: self
                .extension
                .get()
                .filter(|_| standing == Standing::Probationary),
            probation: self.probation.get(),
            suspension: self.suspension.get(),
            exempt: self.exempt.get().map(|e| Exemption {
                reason: e.reason.trim().to_string(),
                ..e
            }),
            note: self.note.get().trim().to_string(),
            ..base.clone()
        };
        match self.posts_changed_on.get() {
            Some(on) if !is_new && self.posts_change(base) => {
                change_posts(&mut member, roles, duty, on)
            }
            _ => {
                member.roles = roles;
                member.duty = duty;
            }
        }
        member
    }

    pub fn clear_for_next(&self) {
        self.name.set(String::new());
        self.note.set(String::new());
        self.roles.set(Vec::new());
        self.duty.set(String::new());
        self.posts_since.set(None);
        self.former_posts.set(Vec::new());
        self.confirmed.set(None);
        self.extension.set(None);
        self.probation.set(None);
        self.suspension.set(None);
        self.exempt.set(None);
    }
}
