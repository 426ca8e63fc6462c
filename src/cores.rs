//! Work shared out over the machine's cores: the same function of many items,
//! and a sort, each giving what one thread would have.

/// `f` of each of `items`, in their order, worked out on every core: the
/// first part on this thread (whose allocator grows its heap in large steps,
/// where a new thread's grows page by page), each other part on a thread of
/// its own.
pub fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let chunk = part_of(items.len());
    let work = |part: &[T]| part.iter().map(&f).collect::<Vec<R>>();
    std::thread::scope(|scope| {
        let mut parts = items.chunks(chunk);
        let first = parts.next().unwrap_or_default();
        let others: Vec<_> = parts.map(|part| scope.spawn(move || work(part))).collect();
        let mut all = work(first);
        for other in others {
            // A worker's panic is this thread's: a missing part would shift the rest.
            all.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        all
    })
}

/// `items` sorted on every core: each part sorted on a thread of its own (the
/// first on this one), then all of them once more, which a stable sort does as
/// one merge of the sorted runs it finds. Equal items may end in any order, as
/// with `sort_unstable`.
pub fn sort_on_every_core<T: Ord + Send>(items: &mut [T]) {
    let chunk = part_of(items.len());
    std::thread::scope(|scope| {
        let mut parts = items.chunks_mut(chunk);
        let first = parts.next();
        for part in parts {
            scope.spawn(move || part.sort_unstable());
        }
        if let Some(part) = first {
            part.sort_unstable();
        }
    });
    items.sort();
}

/// How many of `len` items each core works on.
fn part_of(len: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    len.div_ceil(cores).max(1)
}
