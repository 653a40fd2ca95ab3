package cn.hrss.zcrd.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.util.ClassUtils;

/**
 * How a session attribute is stored in the shared session table, and read back on any node. Java serialization, with
 * two changes:
 * <ul>
 *   <li><b>Spring beans travel by name.</b> A page bean (JSF view scope, kept in the session) holds the services it
 *   calls; each singleton of the application context is written as its bean name and read back as the reading node's
 *   bean of that name. The page beans therefore keep ordinary {@code final} fields for their services, and no
 *   service is ever copied into a session.</li>
 *   <li><b>Only known classes are read.</b> The bytes come from the database, so reading them must not instantiate
 *   whatever a forged row names: an allow-list of the packages sessions are made of (the JDK, Jakarta, Spring,
 *   Mojarra, PrimeFaces, OmniFaces, Weld, this application), and limits on depth, references and size. Anything else
 *   is refused and the session read as unreadable.</li>
 * </ul>
 * Written by hand because Spring Session's default serializer can do neither; the conversion is the one Spring
 * Session asks for ({@code springSessionConversionService}).
 */
final class SessionAttributeCodec {

    /** The classes a session may contain (Java serialization filter syntax); anything else is rejected. */
    static final String ALLOWED = "maxdepth=64;maxrefs=200000;maxbytes=16000000;"
            + "java.**;javax.security.auth.x500.*;sun.security.**;jdk.internal.**;"
            + "jakarta.**;org.springframework.**;com.sun.faces.**;org.glassfish.**;org.primefaces.**;org.omnifaces.**;"
            + "org.jboss.weld.**;org.joinfaces.**;org.apache.el.**;cn.hrss.zcrd.**;!*";

    private final ConfigurableListableBeanFactory beans;
    private final ClassLoader classLoader;
    private static final Logger log = LoggerFactory.getLogger(SessionAttributeCodec.class);
    private static final ObjectInputFilter ALLOW_LIST = ObjectInputFilter.Config.createFilter(ALLOWED);
    /** The singletons by instance, rebuilt when the context's singleton count changes; read without a lock. */
    private volatile Singletons singletons = new Singletons(-1, Map.of());

    SessionAttributeCodec(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
        this.classLoader = beans.getBeanClassLoader() != null
                ? beans.getBeanClassLoader()
                : getClass().getClassLoader();
    }

    /** The conversions Spring Session JDBC uses to write and read attribute values. */
    GenericConversionService conversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, this::write);
        conversions.addConverter(byte[].class, Object.class, this::read);
        return conversions;
    }

    byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new BeansByName(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new SerializationFailedException(
                    "session attribute of " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    Object read(byte[] bytes) {
        try (ObjectInputStream in = new BeansFromContext(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new SerializationFailedException("session attribute not readable", e);
        }
    }

    /** The name of {@code candidate} when it is a singleton of the context, else null. */
    private String beanName(Object candidate) {
        Singletons current = singletons;
        int count = beans.getSingletonCount();
        if (count != current.count()) {
            // Two threads may both rebuild after a change; each builds the same map, and the last write wins.
            Map<Object, String> byInstance = new IdentityHashMap<>();
            for (String name : beans.getSingletonNames()) {
                Object singleton = beans.getSingleton(name);
                if (singleton != null && !isValue(singleton)) {
                    byInstance.putIfAbsent(singleton, name);
                }
            }
            current = new Singletons(count, Collections.unmodifiableMap(byInstance));
            singletons = current;
        }
        return current.byInstance().get(candidate);
    }

    /** One consistent snapshot of the context's singletons: their count when built, and their names by instance. */
    private record Singletons(int count, Map<Object, String> byInstance) {}

    /** Plain values registered as beans (strings, numbers, enums) are written as values, as anywhere else. */
    private static boolean isValue(Object singleton) {
        return singleton instanceof CharSequence
                || singleton instanceof Number
                || singleton instanceof Boolean
                || singleton instanceof Enum<?>
                || singleton instanceof Class<?>;
    }

    /** The allow-list's answer; a refused class is logged by name (a forged row, or a class to add to the list). */
    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        ObjectInputFilter.Status status = ALLOW_LIST.checkInput(info);
        if (status == ObjectInputFilter.Status.REJECTED) {
            log.warn("a session attribute names a class outside the allow-list: {}", info.serialClass());
        }
        return status;
    }

    /** A Spring singleton in a session attribute, by name. */
    record BeanReference(String name) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final class BeansByName extends ObjectOutputStream {

        BeansByName(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            String name = object == null ? null : beanName(object);
            return name == null ? object : new BeanReference(name);
        }
    }

    private final class BeansFromContext extends ObjectInputStream {

        BeansFromContext(InputStream in) throws IOException {
            super(in);
            setObjectInputFilter(SessionAttributeCodec::allowed);
            enableResolveObject(true);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return ClassUtils.forName(description.getName(), classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                return super.resolveClass(description);
            }
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            if (object instanceof BeanReference reference) {
                if (!beans.containsBean(reference.name())) {
                    throw new InvalidClassException("no bean " + reference.name() + " on this node");
                }
                return beans.getBean(reference.name());
            }
            return object;
        }
    }
}
