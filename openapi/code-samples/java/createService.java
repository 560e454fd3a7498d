import com.messente.verigator.Service;
import com.messente.verigator.User;
import com.messente.verigator.Verigator;
import com.messente.verigator.exceptions.VerigatorException;

class CreateServiceSample {
    public static void main(String[] args) throws VerigatorException {
        Verigator verigator = new Verigator("your-messente-username", "your-messente-password");
        // Once per application: keep the id in your configuration.
        Service service = verigator.createService("My service", "example.com");
        System.out.println(service.getServiceId());
    }
}
