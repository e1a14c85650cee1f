package io.tabby.confd.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.CRC32;

/**
 * Loads templates from a directory like FreeMarker's file loader, but stamps each with a checksum
 * of its bytes instead of its modification time: a template rewritten within the file system's
 * timestamp granularity (a few milliseconds) keeps its mtime, and FreeMarker would go on rendering
 * the old text. Templates are small, so reading one per render costs microseconds; parsing happens
 * only when the bytes changed.
 */
final class ContentStampedLoader implements TemplateLoader {
    private final FileTemplateLoader files;

    ContentStampedLoader(File directory) throws IOException {
        this.files = new FileTemplateLoader(directory);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        return files.findTemplateSource(name);
    }

    @Override
    public long getLastModified(Object source) {
        try {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(((File) source).toPath()));
            // FreeMarker treats -1 as "unknown, never reload"; a checksum never takes that value
            return crc.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return files.getReader(source, encoding);
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
        files.closeTemplateSource(source);
    }
}
