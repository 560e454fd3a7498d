import com.messente.verigator.Service;
import com.messente.verigator.User;
import com.messente.verigator.Verigator;
import com.messente.verigator.exceptions.VerigatorException;

class DeleteServiceSample {
    public static void main(String[] args) throws VerigatorException {
        Verigator verigator = new Verigator("your-messente-username", "your-messente-password");
        // Delete the service's users first; the SDK names the service again in the call.
        Service service = Service.get(verigator, "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d");
        service.delete("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d");
    }
}
