package az.asan.mektub.platform.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link BeforeServing} work after every singleton is created and before the context's
 * lifecycle starts, the web server among it: the port opens only when the work is committed.
 */
@Component
class BeforeServingRunner implements SmartInitializingSingleton {

	private final ObjectProvider<BeforeServing> work;

	BeforeServingRunner(ObjectProvider<BeforeServing> work) {
		this.work = work;
	}

	@Override
	public void afterSingletonsInstantiated() {
		work.orderedStream().forEach(BeforeServing::prepare);
	}

}
