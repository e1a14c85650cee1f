package io.tabby.ctl.command;

import io.tabby.datastore.model.IpAddr;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an {@code --ip} value; malformed text is a command-line mistake (exit 2), named by picocli. */
final class IpAddrConverter implements ITypeConverter<IpAddr> {

    @Override
    public IpAddr convert(String value) {
        try {
            return IpAddr.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + "; give one IPv4 or IPv6 address, e.g. 10.0.0.1");
        }
    }
}
