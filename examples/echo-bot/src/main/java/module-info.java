/** An example bot: slnet on the module path, through its module descriptor. */
module com.example.echobot {
    requires io.github.slnet.client;

    exports com.example.echobot;
}
