// $value$plusargs values as Icarus puts them: a leading '-' negates %b/%o/%h/%d (sign-padded,
// truncated to the target), '_' separators, x/z digits and decimal x/z, invalid text is x,
// a decimal into a real is signed, %0d.
// plusargs: +neg=-1_00 +hex=12_x_z +dec=123456789_ +dx=x_ +dz=z_ +bad=12q +big=-1
module plusargs_digits;
    reg [71:0] v;
    reg [7:0] n;
    real r;
    initial begin
        if ($value$plusargs("neg=%b", v)) $display("%h", v);
        if ($value$plusargs("neg=%o", v)) $display("%h", v);
        if ($value$plusargs("neg=%h", n)) $display("%h", n);
        if ($value$plusargs("neg=%d", v)) $display("%h", v);
        if ($value$plusargs("neg=%d", r)) $display("%f", r);
        if ($value$plusargs("hex=%h", v)) $display("%h", v);
        if ($value$plusargs("dec=%0d", v)) $display("%0d", v);
        if ($value$plusargs("dx=%d", v)) $display("%0d", v);
        if ($value$plusargs("dz=%d", v)) $display("%0d", v);
        if ($value$plusargs("bad=%d", v)) $display("%0d", v);
        if ($value$plusargs("bad=%h", n)) $display("%h", n);
        if ($value$plusargs("big=%d", v)) $display("%0d", v);
    end
endmodule
