package az.asan.mektub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class MektubApplication {

	public static void main(String[] args) {
		SpringApplication.run(MektubApplication.class, args);
	}

}
