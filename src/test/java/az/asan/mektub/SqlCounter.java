package az.asan.mektub;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread sends to PostgreSQL, so a test can tell how many
 * queries a page costs (MockMvc runs the request on the test's own thread).
 */
public final class SqlCounter implements QueryExecutionListener, BeanPostProcessor {

	private static final ThreadLocal<Integer> COUNT = ThreadLocal.withInitial(() -> 0);

	private static final ThreadLocal<List<String>> STATEMENTS = ThreadLocal.withInitial(java.util.ArrayList::new);

	private static final ThreadLocal<Integer> COMMITS = ThreadLocal.withInitial(() -> 0);

	public static void reset() {
		COUNT.set(0);
		STATEMENTS.get().clear();
		COMMITS.set(0);
	}

	/** The commits sent since the last reset ({@code Connection.commit()}; auto-commit statements are not counted). */
	public static int commits() {
		return COMMITS.get();
	}

	/** The statements counted since the last reset, as sent. */
	public static List<String> statements() {
		return List.copyOf(STATEMENTS.get());
	}

	public static int count() {
		return COUNT.get();
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		COUNT.set(COUNT.get() + Math.max(1, queryInfoList.size()));
		queryInfoList.forEach(query -> STATEMENTS.get().add(query.getQuery()));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(this).afterMethod(method -> {
				if (method.getMethod().getName().equals("commit") && method.getTarget() instanceof java.sql.Connection) {
					COMMITS.set(COMMITS.get() + 1);
				}
			}).build();
		}
		return bean;
	}

}
