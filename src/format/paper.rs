//! A printed record as plain text blocks: what the print view shows, read
//! once, so the Word file and the picture of a record say exactly what the
//! A4 page says.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaperText {
    /// The organisation line above the title.
    pub org: String,
    pub title: String,
    pub blocks: Vec<Block>,
    /// "打印日期：2026年12月1日".
    pub footer: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Table(Table),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// How many of the first rows head the table (repeated on each page).
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// A label cell (`<th>`): bold and shaded.
    pub header: bool,
    /// How many columns it spans (at least 1).
    pub span: usize,
}

impl Table {
    /// The number of grid columns: the widest row, spans counted.
    pub fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(|row| row.iter().map(|c| c.span.max(1)).sum::<usize>())
            .max()
            .unwrap_or(0)
    }

    /// Each body row as "label：value" lines, for a narrow picture: the
    /// head row's labels (or the row's own label cells) before each value.
    pub fn as_lines(&self) -> Vec<Vec<String>> {
        let labels: Vec<String> = self
            .rows
            .get(..self.header_rows)
            .and_then(|head| head.last())
            .map(|row| row.iter().map(|c| c.text.clone()).collect())
            .unwrap_or_default();
        self.rows
            .iter()
            .skip(self.header_rows)
            .map(|row| {
                let mut lines = Vec::new();
                let mut pending_label: Option<&str> = None;
                for (i, cell) in row.iter().enumerate() {
                    if cell.header {
                        if let Some(label) = pending_label.replace(&cell.text) {
                            lines.push(label.to_string());
                        }
                        continue;
                    }
                    let label = pending_label.take().or(labels.get(i).map(String::as_str));
                    match label {
                        Some(label) if !label.is_empty() => {
                            lines.push(format!("{label}：{}", cell.text))
                        }
                        _ => lines.push(cell.text.clone()),
                    }
                }
                if let Some(label) = pending_label {
                    lines.push(label.to_string());
                }
                lines
            })
            .filter(|lines: &Vec<String>| !lines.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, header: bool) -> Cell {
        Cell {
            text: text.into(),
            header,
            span: 1,
        }
    }

    #[test]
    fn a_form_table_reads_as_label_and_value_lines() {
        let table = Table {
            header_rows: 0,
            rows: vec![
                vec![
                    cell("时间", true),
                    cell("2026年11月3日", false),
                    cell("地点", true),
                    cell("三楼会议室", false),
                ],
                vec![cell("主持人", true), cell("王建国", false)],
            ],
        };
        assert_eq!(
            table.as_lines(),
            vec![
                vec!["时间：2026年11月3日".to_string(), "地点：三楼会议室".into()],
                vec!["主持人：王建国".to_string()],
            ]
        );
        assert_eq!(table.columns(), 4);
    }

    #[test]
    fn a_list_table_puts_its_head_before_each_value() {
        let table = Table {
            header_rows: 1,
            rows: vec![
                vec![cell("序号", true), cell("姓名", true)],
                vec![cell("1", false), cell("张三", false)],
            ],
        };
        assert_eq!(
            table.as_lines(),
            vec![vec!["序号：1".to_string(), "姓名：张三".into()]]
        );
    }
}
