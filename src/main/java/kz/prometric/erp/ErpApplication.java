package kz.prometric.erp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Prometric ERP: a workflow-centred ERP whose business processes run in an embedded
 * Camunda 7 engine.
 */
@SpringBootApplication
@Modulithic(systemName = "Prometric ERP", sharedModules = "shared")
public class ErpApplication {

	public static void main(String[] args) {
		SpringApplication.run(ErpApplication.class, args);
	}

}
