import com.messente.verigator.Service;
import com.messente.verigator.User;
import com.messente.verigator.Verigator;
import com.messente.verigator.exceptions.VerigatorException;

class GetServiceSample {
    public static void main(String[] args) throws VerigatorException {
        Verigator verigator = new Verigator("your-messente-username", "your-messente-password");
        // The service, by the id you stored when you created it.
        Service service = Service.get(verigator, "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d");
        System.out.println(service.getServiceId());
    }
}
