package io.tabby.confd.render;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.resource.TemplateResource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Stage, compare and swap, as confd's {@code createStageFile} and {@code sync}: the stage file is
 * created in the destination's directory (so the rename is atomic), given the resource's mode and
 * owner, compared with the destination by content, mode, uid and gid, and renamed over it.
 */
public final class FileSyncer {
    private static final Logger LOG = LogManager.getLogger(FileSyncer.class);
    private static final int DEFAULT_MODE = 0644;

    /** Writes {@code content} to a new stage file for {@code resource} and sets its mode and owner. */
    public StagedFile stage(TemplateResource resource, String content) throws IOException {
        requireNonNull(resource, "resource is null");
        Path dest = resource.dest().toAbsolutePath();
        Path dir = dest.getParent();
        int mode = resource.mode().orElseGet(() -> existingMode(dest));
        Path stage = Files.createTempFile(dir, "." + dest.getFileName(), "");
        try {
            try (FileChannel channel = FileChannel.open(stage, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // No fsync, as Go confd: the file is derived state that confd renders afresh from etcd
                // on every start, so forcing it to disk buys nothing after a crash, and it cost a lone
                // change 1-8 ms on a busy disk (the benchmark in io.tabby.bench.confd).
            }
            Files.setAttribute(stage, "unix:mode", mode);
            applyOwner(resource, stage);
            return new StagedFile(stage, dest, mode);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(stage);
            throw e;
        }
    }

    /** Whether the destination exists with the staged content, mode, uid and gid. */
    public boolean matchesDestination(StagedFile staged) throws IOException {
        Path dest = staged.dest();
        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (String attribute : new String[] {"unix:uid", "unix:gid"}) {
            if (!Files.getAttribute(dest, attribute).equals(Files.getAttribute(staged.path(), attribute))) {
                LOG.debug("{} differs from the staged file in {}", dest, attribute);
                return false;
            }
        }
        if (mode(dest) != mode(staged.path())) {
            LOG.debug("{} has mode {} instead of {}", dest, Integer.toOctalString(mode(dest)),
                    Integer.toOctalString(mode(staged.path())));
            return false;
        }
        return Files.mismatch(dest, staged.path()) == -1;
    }

    /** Renames the stage file over the destination; writes in place when the destination is a mount point. */
    public void swap(StagedFile staged) throws IOException {
        try {
            Files.move(staged.path(), staged.dest(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (FileSystemException e) {
            if (e.getReason() == null || !e.getReason().toLowerCase(Locale.ROOT).contains("busy")) {
                throw e;
            }
            // a bind-mounted file cannot be replaced, only rewritten (as confd does)
            LOG.debug("{} is busy (a mount point?); writing it in place", staged.dest());
            Files.write(staged.dest(), Files.readAllBytes(staged.path()));
            Files.setAttribute(staged.dest(), "unix:mode", staged.mode());
            Files.setAttribute(staged.dest(), "unix:uid", Files.getAttribute(staged.path(), "unix:uid"));
            Files.setAttribute(staged.dest(), "unix:gid", Files.getAttribute(staged.path(), "unix:gid"));
            Files.deleteIfExists(staged.path());
        }
    }

    /** Removes a stage file that will not be used. */
    public void discard(StagedFile staged) {
        try {
            Files.deleteIfExists(staged.path());
        } catch (IOException e) {
            LOG.warn("cannot remove stage file {}: {}", staged.path(), e.getMessage());
        }
    }

    private static void applyOwner(TemplateResource resource, Path stage) throws IOException {
        if (resource.owner().isPresent() && resource.uid().isEmpty()) {
            UserPrincipal user = stage.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(resource.owner().get());
            Files.setOwner(stage, user);
        }
        if (resource.uid().isPresent()) {
            Files.setAttribute(stage, "unix:uid", resource.uid().getAsInt());
        }
        if (resource.gid().isPresent()) {
            Files.setAttribute(stage, "unix:gid", resource.gid().getAsInt());
        }
    }

    private static int existingMode(Path dest) {
        try {
            return Files.exists(dest) ? mode(dest) : DEFAULT_MODE;
        } catch (IOException e) {
            return DEFAULT_MODE;
        }
    }

    private static int mode(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode")) & 07777;
    }
}
