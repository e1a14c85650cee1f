package io.tabby.confd.functions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The system resolver for addresses, the JDK's DNS provider for SRV records. */
public final class SystemHostLookup implements HostLookup {
    private static final Logger LOG = LogManager.getLogger(SystemHostLookup.class);

    @Override
    public List<InetAddress> addresses(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            LOG.debug("lookup of {} failed: {}", host, e.getMessage());
            return List.of();
        }
    }

    @Override
    public List<SrvRecord> services(String service, String proto, String name) {
        String query = "_" + service + "._" + proto + "." + name;
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        List<SrvRecord> records = new ArrayList<>();
        try {
            DirContext context = new InitialDirContext(env);
            try {
                Attribute srv = context.getAttributes(query, new String[] {"SRV"}).get("SRV");
                if (srv == null) {
                    return List.of();
                }
                NamingEnumeration<?> values = srv.getAll();
                while (values.hasMore()) {
                    String[] fields = values.next().toString().trim().split("\\s+");
                    if (fields.length == 4) {
                        records.add(new SrvRecord(fields[3], Integer.parseInt(fields[2]), Integer.parseInt(fields[0]),
                                Integer.parseInt(fields[1])));
                    }
                }
            } finally {
                context.close();
            }
        } catch (NamingException | NumberFormatException e) {
            LOG.debug("SRV lookup of {} failed: {}", query, e.getMessage());
            return List.of();
        }
        return records;
    }
}
