import com.messente.verigator.Service;
import com.messente.verigator.User;
import com.messente.verigator.Verigator;
import com.messente.verigator.exceptions.VerigatorException;

class GetUserSample {
    public static void main(String[] args) throws VerigatorException {
        Verigator verigator = new Verigator("your-messente-username", "your-messente-password");
        Service service = Service.get(verigator, "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d");
        User user = service.getUser("81213bfd-b690-499e-b9d2-8754cb1550e8");
        System.out.println(user.getId());
    }
}
