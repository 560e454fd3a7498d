import com.messente.verigator.Service;
import com.messente.verigator.User;
import com.messente.verigator.Verigator;
import com.messente.verigator.exceptions.VerigatorException;

class CreateUserSample {
    public static void main(String[] args) throws VerigatorException {
        Verigator verigator = new Verigator("your-messente-username", "your-messente-password");
        // When someone signs up; note the order: login name, then phone number.
        Service service = Service.get(verigator, "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d");
        User user = service.registerUser("john.doe@verigator.com", "+4401234567");
        System.out.println(user.getId()); // store it beside your own record of the user
    }
}
