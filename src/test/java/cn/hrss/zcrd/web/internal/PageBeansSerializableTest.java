package cn.hrss.zcrd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Page beans (JSF view scope) live in the HTTP session, which every node reads from the database: everything they
 * hold must survive Java serialization ({@link SessionAttributeCodec}). Spring beans travel by name; every other value
 * a page bean holds — records of the module APIs, lists of them, entities — must be {@link Serializable}. A type that
 * is not would fail every request of that page with the shared session store; this finds it without a request.
 */
class PageBeansSerializableTest {

    @Test
    void everythingAPageBeanHoldsIsSerializableOrASpringBean() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ViewScoped.class));
        Set<String> pageBeans = new TreeSet<>();
        Set<String> problems = new TreeSet<>();
        for (BeanDefinition page : scanner.findCandidateComponents("cn.hrss.zcrd")) {
            Class<?> type =
                    ClassUtils.forName(page.getBeanClassName(), getClass().getClassLoader());
            pageBeans.add(type.getSimpleName());
            if (!Serializable.class.isAssignableFrom(type)) {
                problems.add(type.getName() + " is not Serializable");
            }
            walk(type, problems);
        }
        assertThat(pageBeans).hasSizeGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    /** Every field type reachable from {@code root} through fields that are not transient nor Spring beans. */
    private static void walk(Class<?> root, Set<String> problems) {
        Deque<Class<?>> toVisit = new ArrayDeque<>(Set.of(root));
        Set<Class<?>> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            Class<?> owner = toVisit.pop();
            if (!seen.add(owner)) {
                continue;
            }
            for (Class<?> c = owner; c != null && c.getName().startsWith("cn.hrss.zcrd"); c = c.getSuperclass()) {
                // the type arguments a class gives its superclass are held too (PagedRows<Row, Query, Sort>: the
                // query in a field of type Q, the rows in PrimeFaces' LazyDataModel)
                Set<Class<?>> held = new HashSet<>(typesIn(c.getGenericSuperclass()));
                held.remove(c.getSuperclass());
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                        held.addAll(typesIn(field.getGenericType()));
                    }
                }
                for (Class<?> type : held) {
                    if (isSpringBean(type) || !type.getName().startsWith("cn.hrss.zcrd")) {
                        continue;
                    }
                    if (!type.isInterface() && !type.isEnum() && !Serializable.class.isAssignableFrom(type)) {
                        problems.add(type.getName() + " (held by " + c.getSimpleName() + ") is not Serializable");
                    }
                    toVisit.push(type);
                }
            }
        }
    }

    private static Set<Class<?>> typesIn(Type type) {
        Set<Class<?>> types = new HashSet<>();
        if (type instanceof Class<?> c) {
            types.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            types.addAll(typesIn(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                types.addAll(typesIn(argument));
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                types.addAll(typesIn(bound));
            }
        }
        return types;
    }

    /**
     * A Spring bean (a component, or the type of a {@code @Bean} method), or an interface a bean is known by: written
     * by name, not by value.
     */
    private static boolean isSpringBean(Class<?> type) {
        if (type.isInterface() || BEAN_METHOD_TYPES.contains(type)) {
            return true;
        }
        return AnnotatedElementUtils.hasAnnotation(type, Component.class)
                && !type.isAnnotationPresent(ViewScoped.class);
    }

    /** The return types of the application's {@code @Bean} methods. */
    private static final Set<Class<?>> BEAN_METHOD_TYPES = beanMethodTypes();

    private static Set<Class<?>> beanMethodTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Configuration.class));
        Set<Class<?>> types = new HashSet<>();
        for (BeanDefinition configuration : scanner.findCandidateComponents("cn.hrss.zcrd")) {
            Class<?> type = ClassUtils.resolveClassName(
                    configuration.getBeanClassName(), PageBeansSerializableTest.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Bean.class)) {
                    types.add(method.getReturnType());
                }
            }
        }
        return types;
    }
}
