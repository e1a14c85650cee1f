package io.tabby.ctl.options;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tabby.ctl.CtlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads a connection config file in calicoctl's v3 form:
 *
 * <pre>
 * apiVersion: projectcalico.org/v3
 * kind: CalicoAPIConfig
 * spec:
 *   datastoreType: etcdv3
 *   etcdEndpoints: https://10.0.0.1:2379,https://10.0.0.2:2379
 *   etcdCACertFile: /etc/tabby/ca.pem
 * </pre>
 *
 * Every problem is reported as a {@link CtlException} that names the file and the field.
 */
public final class CalicoApiConfigReader {

    private static final Logger LOG = LogManager.getLogger(CalicoApiConfigReader.class);

    static final String API_VERSION = "projectcalico.org/v3";
    static final String KIND = "CalicoAPIConfig";
    private static final List<String> SPEC_FIELDS = List.of("datastoreType", "etcdEndpoints", "etcdCACertFile",
            "etcdCertFile", "etcdKeyFile", "etcdUsername", "etcdPassword");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Reads {@code file}; a missing or unreadable file is an error here (the caller decides when that is fine). */
    public CalicoApiConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CtlException("cannot read config file " + file + ": " + describe(e)
                    + "; pass another file with -c/--config, or none to use ETCD_ENDPOINTS and the other ETCD_* variables", e);
        }
        return parse(file, text);
    }

    CalicoApiConfig parse(Path file, String text) {
        if (text.isBlank()) {
            throw invalid(file, "the file is empty; expected apiVersion: " + API_VERSION + ", kind: " + KIND
                    + " and a spec with etcdEndpoints");
        }
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CtlException("config file " + file + " is not valid YAML or JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "expected a mapping with apiVersion, kind and spec at the top");
        }
        String apiVersion = text(file, root, "apiVersion").orElse("");
        String kind = text(file, root, "kind").orElse("");
        if (apiVersion.equals("v1") || kind.equals("calicoApiConfig")) {
            throw invalid(file, "this is the calicoctl v1 (etcdv2) form; tabbyctl reads the v3 form: apiVersion: "
                    + API_VERSION + ", kind: " + KIND + ", spec.datastoreType: etcdv3");
        }
        if (!apiVersion.equals(API_VERSION)) {
            throw invalid(file, "apiVersion is '" + apiVersion + "'; expected " + API_VERSION);
        }
        if (!kind.equals(KIND)) {
            throw invalid(file, "kind is '" + kind + "'; expected " + KIND);
        }
        JsonNode spec = root.path("spec");
        if (spec.isMissingNode() || spec.isNull()) {
            return CalicoApiConfig.empty(file);
        }
        if (!spec.isObject()) {
            throw invalid(file, "spec must be a mapping of settings such as etcdEndpoints");
        }
        checkFields(file, spec);
        Optional<String> datastoreType = text(file, spec, "datastoreType");
        if (datastoreType.isPresent() && !datastoreType.get().equals("etcdv3")) {
            throw invalid(file, "spec.datastoreType is '" + datastoreType.get()
                    + "'; tabbyctl works with etcd only: use etcdv3");
        }
        return new CalicoApiConfig(file,
                text(file, spec, "etcdEndpoints"),
                text(file, spec, "etcdCACertFile"),
                text(file, spec, "etcdCertFile"),
                text(file, spec, "etcdKeyFile"),
                text(file, spec, "etcdUsername"),
                text(file, spec, "etcdPassword"));
    }

    private static void checkFields(Path file, JsonNode spec) {
        for (Map.Entry<String, JsonNode> field : spec.properties()) {
            String name = field.getKey();
            if (SPEC_FIELDS.contains(name)) {
                continue;
            }
            // calicoctl configs may carry Kubernetes settings; they do not apply to an etcd datastore.
            if (name.startsWith("k8s") || name.equals("kubeconfig")) {
                LOG.debug("{}: ignoring spec.{} (Kubernetes datastore setting)", file, name);
                continue;
            }
            throw invalid(file, "unknown field spec." + name + "; allowed: " + String.join(", ", SPEC_FIELDS));
        }
    }

    private static Optional<String> text(Path file, JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw invalid(file, field + " must be a single value, not " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String value = node.asText().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static CtlException invalid(Path file, String what) {
        return new CtlException("config file " + file + " is invalid: " + what);
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
