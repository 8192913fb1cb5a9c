//! A value set aside at start-up, brought back on the member's word: its
//! data read despite a checksum that no longer holds (one changed byte
//! breaks the seal of a whole roster), checked as an import is, and
//! written as an edit of that one record, with the data before kept for
//! undo. The value stays aside until the member discards it.

use std::rc::Rc;

use super::{Backend, Core};
use crate::domain::document::{self, RecordKey, SCHEMA_VERSION};
use crate::domain::place::place;
use crate::format::record::data_despite_checksum;

impl<B: Backend> Core<B> {
    /// Brings back the value set aside under `name` in place of what the
    /// record holds now; `Ok` names the record ("党员名册"), `Err` says in
    /// words why nothing changed.
    pub async fn restore_set_aside(&self, name: &str) -> Result<String, String> {
        let entry = self
            .quarantined()
            .await
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, q)| q)
            .ok_or("这份数据已不在本机。")?;
        let key = RecordKey::from_name(&entry.original_key)
            .ok_or("这份数据不属于能识别的记录，无法导回；请保留下载的文件。")?;
        let (version, data) = data_despite_checksum(&entry.raw)
            .ok_or("这份数据损坏得太多，读不出内容；请保留下载的文件。")?;
        if version != SCHEMA_VERSION {
            return Err(format!(
                "这份数据是另一个版本写的（数据版本 {version}，本机 {SCHEMA_VERSION}），无法单独导回；请从其他手机或备份导入补回。"
            ));
        }
        let value = document::from_json(&key, &data)
            .map_err(|why| format!("这份数据读不出来（{why}）；请保留下载的文件。"))?;
        let mut title = String::new();
        let mut problems = Vec::new();
        self.host.read_doc(&mut |doc| {
            let mut after = doc.clone();
            document::put(&mut after, &key, Some(value.clone()));
            title = key.title(&after);
            problems = document::check(&after)
                .into_iter()
                .filter(|(_, p)| !p.kept)
                .map(|(_, p)| format!("{}：{}", place(&p.path), p.message))
                .collect();
        });
        if !problems.is_empty() {
            return Err(format!(
                "这份数据有问题，没有导回：{}。",
                problems.join("；")
            ));
        }
        let earlier = self
            .keep_for_undo("导回前的数据", &[(key.clone(), None)])
            .await?;
        let op: crate::store::session::Op = Rc::new({
            let key = key.clone();
            move |doc| document::put(doc, &key, Some(value.clone()))
        });
        let stored = self
            .store_atomic(&mut |session, doc| {
                session.edit_atomic(doc, vec![key.clone()], op.clone())
            })
            .await;
        if let Err(why) = stored {
            self.restore_undo(earlier).await;
            return Err(why);
        }
        self.note_undo_after().await;
        Ok(title)
    }
}
