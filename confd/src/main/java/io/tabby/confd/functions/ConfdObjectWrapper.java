package io.tabby.confd.functions;

import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import io.tabby.confd.store.KvPair;

/**
 * FreeMarker's default wrapper (lists, maps, numbers, strings as usual) plus {@link KvPair} as
 * {@link KvPairModel}. confd's functions hand it only data: strings, numbers, booleans, lists, maps,
 * pairs and dates.
 */
public final class ConfdObjectWrapper extends DefaultObjectWrapper {

    public ConfdObjectWrapper(Version version) {
        super(new DefaultObjectWrapperBuilder(version), true);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof KvPair pair) {
            return new KvPairModel(pair);
        }
        return super.handleUnknownType(obj);
    }
}
