package id.desadigital.launcher.store;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * Commits the MVStore only between commands, and shares each commit among all writers waiting for one
 * (group commit).
 * <p>
 * Between commands: one insert or update touches several maps (the documents and each index). A commit taken
 * while another thread is half-way through would store a document without its index entries, and a kill at
 * that moment would leave exactly that on disk. So writing commands run under a shared lock and a commit
 * takes it exclusively.
 * <p>
 * Shared commits: every commit writes a new chunk of some kilobytes however little changed. A writer takes a
 * ticket after its command; the first writer that finds no commit running becomes the leader and commits
 * everything up to the newest ticket, while writers arriving meanwhile wait and are covered by the next
 * leader's single commit. An idle store commits at once; a busy one about once per commit duration.
 * <p>
 * Each commit is also fsynced, so an acknowledged write survives a power cut, not only a killed process.
 */
final class GroupCommit {

    private final MVStore store;
    private final ReentrantReadWriteLock commandsVersusCommit = new ReentrantReadWriteLock();
    private final Object monitor = new Object();
    /** One commit (and its sync) at a time: a compaction's commit must not reuse space before the last sync. */
    private final Object commitTurn = new Object();

    /** Tickets handed out: writes that finished and wait to be durable. */
    private long issued;
    /** Every ticket up to this one is durable. */
    private long durable;
    private boolean committing;

    GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Runs a command that may write, never concurrently with a commit. */
    <T> T write(Supplier<T> command) {
        commandsVersusCommit.readLock().lock();
        try {
            return command.get();
        } finally {
            commandsVersusCommit.readLock().unlock();
        }
    }

    /** Runs store maintenance (a compaction, which commits and syncs too) between commands and commits. */
    void exclusively(Runnable maintenance) {
        synchronized (commitTurn) {
            betweenCommands(maintenance);
        }
    }

    private void betweenCommands(Runnable action) {
        commandsVersusCommit.writeLock().lock();
        try {
            action.run();
        } finally {
            commandsVersusCommit.writeLock().unlock();
        }
    }

    /** No writing command runs, waits for its commit, or is being committed. */
    boolean idle() {
        synchronized (monitor) {
            return commandsVersusCommit.getReadLockCount() == 0 && !committing && durable == issued;
        }
    }

    /**
     * Returns once everything this thread wrote before the call is committed and on disk.
     *
     * @throws RuntimeException when the commit covering the caller failed
     */
    void awaitDurable() {
        boolean interrupted = false;
        long ticket;
        synchronized (monitor) {
            ticket = ++issued;
        }
        try {
            while (true) {
                long covered;
                synchronized (monitor) {
                    while (committing && durable < ticket) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            // The client waits for this write's answer: finish making it durable first.
                            interrupted = true;
                        }
                    }
                    if (durable >= ticket) {
                        return;
                    }
                    committing = true;
                    // Every ticket up to here was taken after its write finished: this commit holds them all.
                    covered = issued;
                }
                commitAsLeader(covered);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void commitAsLeader(long covered) {
        boolean committed = false;
        try {
            synchronized (commitTurn) {
                betweenCommands(store::commit);
                // The chunk is written; commands may change the maps again while it reaches the disk. Their
                // tickets are newer than this commit's, so they wait for the next one.
                store.sync();
            }
            committed = true;
        } finally {
            synchronized (monitor) {
                committing = false;
                if (committed) {
                    durable = Math.max(durable, covered);
                }
                monitor.notifyAll();
            }
        }
    }
}
