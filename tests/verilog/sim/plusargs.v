// $test$plusargs and $value$plusargs with each conversion, found and missing arguments.
// plusargs: +verbose +n=-42 +name=bob +r=2.5 +h=beef +b=1x01 +o=17 +loop
module plusargs;
    integer n, m;
    reg [8*16:1] s;
    real r;
    reg [15:0] h;
    reg [3:0] b;
    reg [8:0] o;
    initial begin
        if ($test$plusargs("verbose")) $display("verbose on");
        if ($test$plusargs("verb")) $display("prefix match");
        if (!$test$plusargs("quiet")) $display("no quiet");
        if (!$value$plusargs("n=%d", n)) n = 7;
        $display("n=%0d", n);
        m = 5;
        if (!$value$plusargs("missing=%d", m)) $display("m kept %0d", m);
        if ($value$plusargs("name=%s", s)) $display("name=%0s", s);
        if ($value$plusargs("r=%f", r)) $display("r=%f", r);
        if ($value$plusargs("h=%h", h)) $display("h=%h", h);
        if ($value$plusargs("b=%b", b)) $display("b=%b", b);
        if ($value$plusargs("o=%o", o)) $display("o=%o", o);
        while ($test$plusargs("loop") && n < -38) n = n + 1;
        $display("n=%0d %0d", n, $test$plusargs("loop"));
    end
endmodule
