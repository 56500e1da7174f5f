package az.asan.mektub.platform.database;

/**
 * Work that must be done before the app answers anyone: the first administrator, the demo data.
 * It runs once every bean is ready and before the web server opens its port (see
 * {@link BeforeServingRunner}), so no page is ever served from a half-loaded database and no cache
 * keeps a figure computed from one. Implementations are ordered with {@code @Order}.
 */
public interface BeforeServing {

	void prepare();

}
