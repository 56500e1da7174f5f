package az.asan.mektub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MektubApplication {

	public static void main(String[] args) {
		SpringApplication.run(MektubApplication.class, args);
	}

}
