//! Carrying out what the user asked for: [`ParallaxApp::apply`] turns each [`Command`] into
//! a change of the window's state or a call on the session.

use super::{Command, Filter, ParallaxApp, View, comparison_view, table};

impl ParallaxApp {
    /// Carries out a command.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::OpenFolderDialog => {
                for c in self.open_folder_dialog() {
                    self.apply(c, ctx);
                }
            }
            Command::Open(source) => self.session.open(source),
            Command::Reload => {
                let source = self.session.loaded().source.clone();
                self.session.open(source);
            }
            Command::CancelLoad => self.session.cancel(),
            Command::Export if !self.state.start_page => self.export(),
            Command::Export => {}
            Command::SelectDocument(i) => {
                if i < self.session.loaded().corpus.documents.len() {
                    self.state.selected_document = Some(i);
                    self.views.reader.target = None;
                    self.state.view = View::Reader;
                }
            }
            Command::OpenStatement(s) => {
                if let Some(d) = self
                    .session
                    .loaded()
                    .document_of_statement
                    .get(s)
                    .copied()
                    .flatten()
                {
                    self.state.selected_document = Some(d);
                    self.views.reader.target = Some(s);
                    self.views.reader.scroll_to_target = true;
                    self.state.view = View::Reader;
                }
            }
            Command::SelectGroup(g) => {
                if g < self.session.loaded().comparison.groups.len() {
                    self.state.selected_group = Some(g);
                    self.state.inspector_open = true;
                }
            }
            Command::ShowGroup(g) => self.show_group(g),
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::SelectEnd(last) => {
                let end = if last {
                    self.views.comparison.rows.last()
                } else {
                    self.views.comparison.rows.first()
                };
                if self.state.view == View::Comparison
                    && let Some(&g) = end
                {
                    self.state.selected_group = Some(g);
                    self.views.comparison.scroll_to_selected = true;
                }
            }
            Command::OpenInspector => {
                if self.state.selected_group.is_some() {
                    self.state.inspector_open = true;
                }
            }
            Command::CloseInspector => self.state.inspector_open = false,
            Command::FocusSearch => {
                self.state.view = View::Comparison;
                ctx.memory_mut(|m| m.request_focus(comparison_view::search_id()));
            }
            Command::ShowView(v) => self.state.view = v,
            Command::ToggleSidesPanel => self.state.sides_open = !self.state.sides_open,
            Command::ToggleColumn(side) => {
                if let Some(i) = self.state.columns.iter().position(|c| *c == side) {
                    self.state.columns.remove(i);
                } else {
                    self.state.columns.push(side);
                }
                self.state.columns_chosen = true;
            }
            Command::DefaultColumns => {
                self.state.columns = table::default_columns(self.session.loaded());
                self.state.columns_chosen = false;
            }
            Command::RenameSide { side, name } => {
                let name = name.trim().to_string();
                self.session.edit_corrections(|c| {
                    if name.is_empty() {
                        c.side_names.remove(&side);
                    } else {
                        c.side_names.insert(side, name);
                    }
                });
            }
            Command::MergeSide { side, into } => {
                if side != into {
                    self.session.edit_corrections(|c| {
                        c.merges.insert(side, into);
                    });
                }
            }
            Command::UnmergeSide(side) => self.session.edit_corrections(|c| {
                c.merges.retain(|from, into| *from != side && *into != side);
            }),
            Command::SetPublisher { path, name } => self.session.edit_corrections(|c| match name {
                Some(n) => {
                    c.publishers.insert(path, n.trim().to_string());
                }
                None => {
                    c.publishers.remove(&path);
                }
            }),
            Command::SetVerdict { group, verdict } => {
                let key = format!("verdict:{group}");
                self.session
                    .edit_note(&group, Some(&key), |n| n.verdict = verdict);
            }
            Command::SetNote { group, note } => {
                let key = format!("note:{group}");
                self.session
                    .edit_note(&group, Some(&key), |n| n.note = note);
            }
            Command::AddTag { group, tag } => self.session.edit_note(&group, None, |n| {
                n.tags.push(tag);
            }),
            Command::RemoveTag { group, tag } => {
                let tag = tag.trim().to_string();
                self.session
                    .edit_note(&group, None, |n| n.tags.retain(|t| *t != tag));
            }
            Command::Undo => {
                self.session.undo();
            }
            Command::Redo => {
                self.session.redo();
            }
            Command::SetTheme(choice) => {
                self.prefs.theme = Some(choice);
            }
            Command::ShowClaims { side, topic } => self.show_claims(side, topic),
            Command::OpenPair(left, right) => {
                let docs = self.session.loaded().comparison.documents.len();
                if left < docs && right < docs {
                    self.views.pair.left = Some(left);
                    self.views.pair.right = Some(right);
                    self.state.view = View::Pair;
                }
            }
            Command::ShowStart => self.state.start_page = true,
        }
    }

    fn show_group(&mut self, g: usize) {
        if g >= self.session.loaded().comparison.groups.len() {
            return;
        }
        self.state.selected_group = Some(g);
        self.state.inspector_open = true;
        self.state.view = View::Comparison;
        self.views.comparison.refresh_rows(
            self.session.loaded(),
            &self.state.filter,
            &self.state.columns,
        );
        if !self.views.comparison.rows.contains(&g) {
            self.state.filter = Filter {
                sort: self.state.filter.sort,
                column_sides_only: false,
                ..Filter::default()
            };
            self.session
                .set_status(Some("Filters cleared to show the claim".into()));
        }
        self.views.comparison.scroll_to_selected = true;
    }

    fn move_selection(&mut self, delta: i32) {
        if self.state.view != View::Comparison {
            return;
        }
        let rows = &self.views.comparison.rows;
        if rows.is_empty() {
            return;
        }
        let at = self
            .state
            .selected_group
            .and_then(|g| rows.iter().position(|&r| r == g));
        let next = match at {
            Some(i) => (i as i64 + i64::from(delta)).clamp(0, rows.len() as i64 - 1) as usize,
            None if delta < 0 => rows.len() - 1,
            None => 0,
        };
        self.state.selected_group = Some(rows[next]);
        self.views.comparison.scroll_to_selected = true;
    }
}
