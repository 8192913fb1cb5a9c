//! A ZIP archive with stored (uncompressed) entries: what a `.docx` is.
//! Word, WPS and LibreOffice read stored entries; the files are small, and
//! storing keeps the code to a few lines with nothing to download.

/// CRC-32 (IEEE), as ZIP requires for each entry.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// The archive of `entries` (path, contents), in order.
pub fn stored_zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, body) in entries {
        let offset = out.len() as u32;
        let crc = crc32(body);
        let size = body.len() as u32;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        push_common(&mut out, name, crc, size);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);
        // Central directory entry.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0
        push_common(&mut central, name, crc, size);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    let count = entries.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

/// The fields local and central headers share: version 2.0, UTF-8 names
/// (flag bit 11), stored, a fixed 1980 date, sizes and name length.
fn push_common(out: &mut Vec<u8>, name: &str, crc: u32, size: u32) {
    out.extend_from_slice(&20u16.to_le_bytes());
    out.extend_from_slice(&0x0800u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // time
    out.extend_from_slice(&0x0021u16.to_le_bytes()); // 1980-01-01
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // extra length
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_archive_lists_each_entry_where_it_is() {
        let zip = stored_zip(&[
            ("a.txt", b"hello".to_vec()),
            ("目录/b.xml", b"<x/>".to_vec()),
        ]);
        // The end record counts two entries and points at the directory.
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([zip[end + 10], zip[end + 11]]), 2);
        let directory = u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize;
        assert_eq!(&zip[directory..directory + 4], &[0x50, 0x4b, 0x01, 0x02]);
        // The second entry's local header, found through the directory.
        let second = zip[directory..]
            .windows(4)
            .skip(4)
            .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
            .map(|p| p + 4 + directory)
            .unwrap();
        let offset = u32::from_le_bytes(zip[second + 42..second + 46].try_into().unwrap()) as usize;
        let name_len = u16::from_le_bytes([zip[offset + 26], zip[offset + 27]]) as usize;
        assert_eq!(
            &zip[offset + 30..offset + 30 + name_len],
            "目录/b.xml".as_bytes()
        );
        assert_eq!(
            &zip[offset + 30 + name_len..offset + 34 + name_len],
            b"<x/>"
        );
    }
}
