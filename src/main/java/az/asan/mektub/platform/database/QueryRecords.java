package az.asan.mektub.platform.database;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.stereotype.Component;

/**
 * Makes a filter record (the tree's, a report's) from a request's query parameters as Spring MVC's
 * {@code @ModelAttribute} binding does — the same converters and formatters, a mistyped value is
 * simply not applied (null), the first of repeated values counts — but with the record's constructor
 * looked up once: the binder reflects on it for every request, which was a fifth of a signed-in
 * tree's time (issue 17). Lets a page bind only when its kept content has to be made afresh.
 */
@Component
public class QueryRecords {

	private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);

	private final ConversionService conversions;

	private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

	QueryRecords(@Qualifier("mvcConversionService") ConversionService conversions) {
		this.conversions = conversions;
	}

	private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {

		static Shape of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] parameterTypes = new Class<?>[components.length];
			String[] names = new String[components.length];
			for (int i = 0; i < components.length; i++) {
				parameterTypes[i] = components[i].getType();
				names[i] = components[i].getName();
			}
			try {
				Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
				constructor.setAccessible(true);
				TypeDescriptor[] types = new TypeDescriptor[components.length];
				for (int i = 0; i < components.length; i++) {
					types[i] = new TypeDescriptor(MethodParameter.forExecutable(constructor, i));
				}
				return new Shape(constructor, names, types);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(type + " has no canonical constructor", ex);
			}
		}

	}

	/** The record of the given type made of the request's parameters of the same names. */
	public <T extends Record> T bind(Class<T> type, HttpServletRequest request) {
		Shape shape = this.shapes.computeIfAbsent(type, Shape::of);
		Object[] values = new Object[shape.names().length];
		for (int i = 0; i < values.length; i++) {
			String given = request.getParameter(shape.names()[i]);
			if (given != null) {
				try {
					values[i] = this.conversions.convert(given, STRING, shape.types()[i]);
				}
				catch (ConversionException | IllegalArgumentException mistyped) {
					values[i] = null;
				}
			}
			if (values[i] == null && shape.types()[i].isPrimitive()) {
				throw new IllegalStateException(type + " has a primitive component: " + shape.names()[i]);
			}
		}
		try {
			return type.cast(shape.constructor().newInstance(values));
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
