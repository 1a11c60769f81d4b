// %d of a negative real that rounds to zero prints -0 (as Icarus); -0.5 rounds away.
module real_d_neg_zero;
    real a;
    initial begin
        a = -0.4;
        $display("[%d] [%0d] [%5d] [%05d] [%-4d] [%+d]", a, a, a, a, a, a);
        a = -0.0;
        $display("[%d] [%0d]", a, a);
        a = -0.5;
        $display("[%0d] [%0x]", a, a);
        a = 0.4;
        $display("[%0d] [%0x]", a, a);
    end
endmodule
