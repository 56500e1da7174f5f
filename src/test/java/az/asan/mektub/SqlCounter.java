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

	public static void reset() {
		COUNT.set(0);
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
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(this).build();
		}
		return bean;
	}

}
